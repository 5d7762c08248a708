/// Where the JSON writers put bytes: a plain `[UInt8]`, or a `ByteSink` (the fast path the
/// batch takes for its hundreds of thousands of reports).
public protocol ByteOutput {
    mutating func append(_ byte: UInt8)
    mutating func append(bytes: UnsafeBufferPointer<UInt8>)
    /// `n` copies of `byte` (indentation).
    mutating func append(_ byte: UInt8, times n: Int)
}

extension ByteOutput {
    /// `n` copies of `byte`, one at a time.
    public mutating func append(_ byte: UInt8, times n: Int) { for _ in 0..<max(n, 0) { append(byte) } }
    @inline(__always) mutating func append(_ s: StaticString) { s.withUTF8Buffer { append(bytes: $0) } }
    mutating func append(text s: String) {
        var s = s
        s.withUTF8 { append(bytes: $0) }
    }
}

extension Array: ByteOutput where Element == UInt8 {
    /// Appends the bytes.
    public mutating func append(bytes: UnsafeBufferPointer<UInt8>) { append(contentsOf: bytes) }
}

/// A growable byte buffer written through a raw pointer: appending is a capacity check and a
/// copy, with none of an array's uniqueness checks. Its state sits behind a constant pointer,
/// so writes need no runtime exclusivity checks either.
public final class ByteSink: ByteOutput {
    private struct State {
        var base: UnsafeMutablePointer<UInt8>
        var count: Int
        var capacity: Int
    }
    private let state: UnsafeMutablePointer<State>

    public init(capacity: Int = 8192) {
        let capacity = max(capacity, 16)
        state = .allocate(capacity: 1)
        state.initialize(to: State(base: .allocate(capacity: capacity), count: 0, capacity: capacity))
    }

    deinit {
        state.pointee.base.deallocate()
        state.deallocate()
    }

    /// How many bytes have been written.
    public var count: Int { state.pointee.count }

    /// The bytes written so far.
    public var bytes: [UInt8] { Array(UnsafeBufferPointer(start: state.pointee.base, count: state.pointee.count)) }

    /// The bytes written so far and then `byte`, copied once into an array of exactly that size
    /// (appending to `bytes` would copy them a second time to grow it).
    public func bytes(appending byte: UInt8) -> [UInt8] {
        let n = state.pointee.count
        return [UInt8](unsafeUninitializedCapacity: n + 1) { out, count in
            out.baseAddress!.update(from: state.pointee.base, count: n)
            out[n] = byte
            count = n + 1
        }
    }

    /// Room for `n` more bytes; returns where they go.
    @inline(__always) private func reserve(_ n: Int) -> UnsafeMutablePointer<UInt8> {
        if state.pointee.count &+ n > state.pointee.capacity { grow(to: state.pointee.count + n) }
        let at = state.pointee.base + state.pointee.count
        state.pointee.count &+= n
        return at
    }

    private func grow(to needed: Int) {
        let bigger = max(needed, state.pointee.capacity * 2)
        let fresh = UnsafeMutablePointer<UInt8>.allocate(capacity: bigger)
        fresh.update(from: state.pointee.base, count: state.pointee.count)
        state.pointee.base.deallocate()
        state.pointee.base = fresh
        state.pointee.capacity = bigger
    }

    @inline(__always) public func append(_ byte: UInt8) {
        reserve(1).pointee = byte
    }

    @inline(__always) public func append(bytes: UnsafeBufferPointer<UInt8>) {
        guard let from = bytes.baseAddress, bytes.count > 0 else { return }
        reserve(bytes.count).update(from: from, count: bytes.count)
    }

    /// `n` copies of `byte`, in one copy.
    public func append(_ byte: UInt8, times n: Int) {
        guard n > 0 else { return }
        reserve(n).update(repeating: byte, count: n)
    }
}

/// Where the JSON writers put bytes: a plain `[UInt8]`, or a `ByteSink` (the fast path the
/// batch takes for its hundreds of thousands of reports).
public protocol ByteOutput {
    mutating func append(_ byte: UInt8)
    mutating func append(bytes: UnsafeBufferPointer<UInt8>)
}

extension ByteOutput {
    @inline(__always) mutating func append(_ s: StaticString) { s.withUTF8Buffer { append(bytes: $0) } }
}

extension Array: ByteOutput where Element == UInt8 {
    public mutating func append(bytes: UnsafeBufferPointer<UInt8>) { append(contentsOf: bytes) }
}

/// A growable byte buffer written through a raw pointer: appending is a capacity check and a
/// copy, with none of an array's uniqueness checks.
public final class ByteSink: ByteOutput {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    public private(set) var count = 0

    public init(capacity: Int = 8192) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// The bytes written so far.
    public var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    @inline(__always) private func reserve(_ n: Int) {
        if count &+ n > capacity { grow(to: count + n) }
    }

    private func grow(to needed: Int) {
        let bigger = max(needed, capacity * 2)
        let fresh = UnsafeMutablePointer<UInt8>.allocate(capacity: bigger)
        fresh.update(from: base, count: count)
        base.deallocate()
        base = fresh
        capacity = bigger
    }

    @inline(__always) public func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count &+= 1
    }

    @inline(__always) public func append(bytes: UnsafeBufferPointer<UInt8>) {
        guard let from = bytes.baseAddress, bytes.count > 0 else { return }
        reserve(bytes.count)
        (base + count).update(from: from, count: bytes.count)
        count &+= bytes.count
    }

    /// `n` copies of `byte` (indentation).
    public func append(_ byte: UInt8, times n: Int) {
        reserve(n)
        (base + count).update(repeating: byte, count: n)
        count &+= n
    }
}

/// A short list of indices held inline, up to eight, in a list only beyond: where a pending
/// checklist row is needed (checkpoint positions) and which rules ask for it, usually two or
/// three of each, gathered without allocating two lists for every row of every shipment.
struct FewIndices: RandomAccessCollection, Sendable {
    /// The indices while there are at most eight and each fits 32 bits.
    private var inline = SIMD8<Int32>()
    /// Every index, once there are more than eight (or one too large to hold inline).
    private var all: [Int]?
    private(set) var count = 0

    init() {}

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    subscript(i: Int) -> Int {
        precondition(i >= 0 && i < count, "index out of range")
        return all.map { $0[i] } ?? Int(inline[i])
    }

    mutating func append(_ index: Int) {
        if all == nil, count < 8, let small = Int32(exactly: index) {
            inline[count] = small
        } else {
            if all == nil { all = (0..<count).map { Int(inline[$0]) } }
            all!.append(index)
        }
        count += 1
    }

    mutating func removeAll() {
        inline = SIMD8<Int32>()
        all = nil
        count = 0
    }
}

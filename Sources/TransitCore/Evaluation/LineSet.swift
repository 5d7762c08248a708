/// A set of goods-line indices (0-based positions in `Shipment.goods`), kept in machine words so
/// that the per-line logic of conditions costs a few instructions for the usual handful of lines.
public struct LineSet: Hashable, Sendable {
    private var low: UInt64
    private var high: [UInt64]

    public init() { low = 0; high = [] }

    /// Every line of a shipment with `count` lines.
    public init(all count: Int) {
        low = count >= 64 ? ~0 : (count <= 0 ? 0 : (UInt64(1) << UInt64(count)) - 1)
        high = []
        var rest = count - 64
        while rest > 0 {
            high.append(rest >= 64 ? ~0 : (UInt64(1) << UInt64(rest)) - 1)
            rest -= 64
        }
    }

    public var isEmpty: Bool { low == 0 && high.allSatisfy { $0 == 0 } }

    /// Adds the goods line at index `i`.
    public mutating func insert(_ i: Int) {
        if i < 64 { low |= UInt64(1) << UInt64(i); return }
        let w = i / 64 - 1
        while high.count <= w { high.append(0) }
        high[w] |= UInt64(1) << UInt64(i % 64)
    }

    /// True when the goods line at index `i` is in the set.
    public func contains(_ i: Int) -> Bool {
        if i < 64 { return low & (UInt64(1) << UInt64(i)) != 0 }
        let w = i / 64 - 1
        return w < high.count && high[w] & (UInt64(1) << UInt64(i % 64)) != 0
    }

    public var indices: [Int] { map { $0 } }

    /// Calls `body` with each index in the set, in order, without building a list of them.
    public func forEach(_ body: (Int) -> Void) {
        var w = low
        while w != 0 { body(w.trailingZeroBitCount); w &= w - 1 }
        for (k, word) in high.enumerated() {
            var v = word
            while v != 0 { body(64 * (k + 1) + v.trailingZeroBitCount); v &= v - 1 }
        }
    }

    /// `transform` of each index in the set, in order.
    public func map<T>(_ transform: (Int) -> T) -> [T] {
        var out: [T] = []
        out.reserveCapacity(low.nonzeroBitCount + high.reduce(0) { $0 + $1.nonzeroBitCount })
        forEach { out.append(transform($0)) }
        return out
    }

    /// The smallest index in the set.
    public var first: Int? {
        if low != 0 { return low.trailingZeroBitCount }
        for (k, word) in high.enumerated() where word != 0 { return 64 * (k + 1) + word.trailingZeroBitCount }
        return nil
    }

    private static func combine(_ a: LineSet, _ b: LineSet, _ f: (UInt64, UInt64) -> UInt64) -> LineSet {
        var r = LineSet()
        r.low = f(a.low, b.low)
        if !a.high.isEmpty || !b.high.isEmpty {
            let n = max(a.high.count, b.high.count)
            r.high = (0..<n).map { f($0 < a.high.count ? a.high[$0] : 0, $0 < b.high.count ? b.high[$0] : 0) }
        }
        return r
    }

    /// The lines in either set.
    public func union(_ o: LineSet) -> LineSet { LineSet.combine(self, o, |) }
    /// The lines in both sets.
    public func intersection(_ o: LineSet) -> LineSet { LineSet.combine(self, o, &) }
    /// The lines in this set and not in `o`.
    public func subtracting(_ o: LineSet) -> LineSet { LineSet.combine(self, o) { $0 & ~$1 } }
    /// True when every line of this set is in `o`.
    public func isSubset(of o: LineSet) -> Bool { subtracting(o).isEmpty }
}

/// Three-valued truth of a condition for each goods line: which lines make it true, which
/// leave it unknown (a field it needs is absent), and the rest are false.
public struct LineTruth: Sendable {
    public var yes: LineSet
    public var unknown: LineSet
    /// Manifest fields whose absence made some line unknown.
    public var needs: [String]

    public init(yes: LineSet, unknown: LineSet = LineSet(), needs: [String] = []) {
        self.yes = yes; self.unknown = unknown; self.needs = needs
    }

    func and(_ o: LineTruth) -> LineTruth {
        let yes = self.yes.intersection(o.yes)
        let unknown = self.yes.union(self.unknown).intersection(o.yes.union(o.unknown)).subtracting(yes)
        return LineTruth(yes: yes, unknown: unknown, needs: unknown.isEmpty ? [] : needs + o.needs)
    }

    func or(_ o: LineTruth) -> LineTruth {
        let yes = self.yes.union(o.yes)
        let unknown = self.unknown.union(o.unknown).subtracting(yes)
        return LineTruth(yes: yes, unknown: unknown, needs: unknown.isEmpty ? [] : needs + o.needs)
    }

    func negated(all: LineSet) -> LineTruth {
        LineTruth(yes: all.subtracting(yes.union(unknown)), unknown: unknown, needs: needs)
    }
}

/// A set of goods-line indices (0-based positions in `Shipment.goods`), kept in machine words so
/// that the per-line logic of conditions costs a few instructions for the usual handful of lines.
/// A set of lines below 64 is one word held inline, copied without reference counting (conditions
/// make and drop several sets for every rule they test); a set reaching further holds its words in
/// a list. Every set is kept in its shortest form, so equal sets are equal values.
public struct LineSet: Hashable, Sendable {
    private enum Words: Hashable, Sendable {
        /// Lines 0 to 63, one bit each.
        case one(UInt64)
        /// Word k holds lines 64k to 64k + 63; at least two words, the last not zero.
        case many([UInt64])
    }
    private var words: Words

    public init() { words = .one(0) }

    /// Every line of a shipment with `count` lines.
    public init(all count: Int) {
        var ws: [UInt64] = []
        var rest = count
        repeat {
            ws.append(rest >= 64 ? ~0 : (rest <= 0 ? 0 : (UInt64(1) << UInt64(rest)) - 1))
            rest -= 64
        } while rest > 0
        self.init(ws)
    }

    /// The set of these words, in its shortest form.
    private init(_ ws: [UInt64]) {
        var n = ws.count
        while n > 1 && ws[n - 1] == 0 { n -= 1 }
        words = n <= 1 ? .one(ws.first ?? 0) : .many(Array(ws[..<n]))
    }

    /// The words, the first for lines 0 to 63.
    private var list: [UInt64] {
        switch words {
        case .one(let w): return [w]
        case .many(let ws): return ws
        }
    }

    public var isEmpty: Bool {
        switch words {
        case .one(let w): return w == 0
        case .many: return false  // its last word is not zero
        }
    }

    /// Adds the goods line at index `i`.
    public mutating func insert(_ i: Int) {
        if i < 64, case .one(let w) = words {
            words = .one(w | UInt64(1) << UInt64(i))
            return
        }
        var ws = list
        while ws.count <= i / 64 { ws.append(0) }
        ws[i / 64] |= UInt64(1) << UInt64(i % 64)
        self = LineSet(ws)
    }

    /// True when the goods line at index `i` is in the set.
    public func contains(_ i: Int) -> Bool {
        guard i >= 0 else { return false }
        switch words {
        case .one(let w): return i < 64 && w & (UInt64(1) << UInt64(i)) != 0
        case .many(let ws): return i / 64 < ws.count && ws[i / 64] & (UInt64(1) << UInt64(i % 64)) != 0
        }
    }

    public var indices: [Int] { map { $0 } }

    /// Calls `body` with each index in the set, in order, without building a list of them.
    public func forEach(_ body: (Int) -> Void) {
        func each(_ word: UInt64, from base: Int) {
            var v = word
            while v != 0 { body(base + v.trailingZeroBitCount); v &= v - 1 }
        }
        switch words {
        case .one(let w): each(w, from: 0)
        case .many(let ws): for (k, w) in ws.enumerated() { each(w, from: 64 * k) }
        }
    }

    /// `transform` of each index in the set, in order.
    public func map<T>(_ transform: (Int) -> T) -> [T] {
        var out: [T] = []
        switch words {
        case .one(let w): out.reserveCapacity(w.nonzeroBitCount)
        case .many(let ws): out.reserveCapacity(ws.reduce(0) { $0 + $1.nonzeroBitCount })
        }
        forEach { out.append(transform($0)) }
        return out
    }

    /// The smallest index in the set.
    public var first: Int? {
        switch words {
        case .one(let w): return w == 0 ? nil : w.trailingZeroBitCount
        case .many(let ws):
            for (k, w) in ws.enumerated() where w != 0 { return 64 * k + w.trailingZeroBitCount }
            return nil
        }
    }

    /// `f` of the two sets' words, word by word (a missing word is zero).
    @inline(__always)
    private static func combine(_ a: LineSet, _ b: LineSet, _ f: (UInt64, UInt64) -> UInt64) -> LineSet {
        if case .one(let x) = a.words, case .one(let y) = b.words {
            var r = LineSet()
            r.words = .one(f(x, y))
            return r
        }
        let wa = a.list, wb = b.list
        return LineSet((0..<max(wa.count, wb.count)).map { f($0 < wa.count ? wa[$0] : 0, $0 < wb.count ? wb[$0] : 0) })
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

/// A value a condition compares against, as written in a rule.
public enum Scalar: Hashable, Sendable, CustomStringConvertible {
    case text(String)
    case number(Double)
    case bool(Bool)

    public var description: String {
        switch self {
        case .text(let s): return s
        case .number(let n): return n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
        case .bool(let b): return b ? "true" : "false"
        }
    }
}

/// How a field is compared (SPEC 2.4 matchers).
public enum Matcher: Hashable, Sendable {
    case equals(Scalar)
    case oneOf([Scalar])
    case prefix([String])
    case contains(Scalar)
    case greater(Double, orEqual: Bool)
    case less(Double, orEqual: Bool)
    case exists(Bool)
}

/// A rule's `when:`: conditions on the shipment, its goods lines, its route and the checkpoint,
/// combined with all / any / not. Goods conditions bind to the lines that match.
public indirect enum Condition: Hashable, Sendable {
    case all([Condition])
    case any([Condition])
    case not(Condition)
    case match(FieldPath, Matcher, SourceLocation?)

    /// HS prefixes (digits) of which a goods line must start with one for this condition to
    /// hold, or nil if the condition can hold whatever the HS codes are. Used to index rules.
    public var hsGate: [String]? {
        switch self {
        case .match(let path, .prefix(let p), _) where path.isHS: return p
        case .match(let path, .equals(.text(let t)), _) where path.isHS: return [t]
        case .match(let path, .oneOf(let values), _) where path.isHS:
            var out: [String] = []
            for v in values { guard case .text(let t) = v else { return nil }; out.append(t) }
            return out
        case .match: return nil
        case .not: return nil
        case .all(let cs):
            return cs.lazy.compactMap(\.hsGate).min { $0.count < $1.count }
        case .any(let cs):
            var out: [String] = []
            for c in cs { guard let g = c.hsGate else { return nil }; out += g }
            return out
        }
    }
}

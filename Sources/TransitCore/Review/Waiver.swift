/// An exception a broker grants (issue 18; conftest's exceptions are the model): a finding of
/// `rule` on the manifests `manifest` names (an id or a glob over ids and files) is silenced
/// until `expires`, for `reason`, on `who`'s word. After that day the finding shows again and
/// the expired waiver is itself a finding.
public struct Waiver: Hashable, Sendable {
    /// A manifest id or file, or a glob over either.
    public var manifest: String
    /// A rule id, or a finding's code for findings that no rule raises (`link-closed`).
    public var rule: String
    public var reason: String
    /// Who granted the waiver.
    public var who: String
    /// The last day the waiver holds.
    public var expires: Day
    public var location: SourceLocation?

    public init(
        manifest: String, rule: String, reason: String, who: String, expires: Day, location: SourceLocation? = nil
    ) {
        self.manifest = manifest; self.rule = rule; self.reason = reason; self.who = who; self.expires = expires;
        self.location = location
    }

    /// True when the waiver names this manifest, by id or file, exactly or by glob.
    public func covers(id: String, file: String) -> Bool {
        Glob.matches(manifest, id) || Glob.matches(manifest, file)
    }

    /// True once `today` is past the last day the waiver holds.
    public func isExpired(on today: Day) -> Bool { today > expires }
}

/// Shell-style globs: `*` any run of characters (slashes included), `?` one character,
/// `[abc]` one of a set; anything else matches itself.
public enum Glob {
    /// Whether the whole of `text` matches `pattern`.
    public static func matches(_ pattern: String, _ text: String) -> Bool {
        let p = Array(pattern.unicodeScalars), t = Array(text.unicodeScalars)
        var pi = 0, ti = 0, star = -1, mark = 0
        while ti < t.count {
            if pi < p.count, p[pi] == "*" { star = pi; mark = ti; pi += 1; continue }
            if pi < p.count, let n = one(p, pi, t[ti]) { pi = n; ti += 1; continue }
            guard star >= 0 else { return false }
            pi = star + 1; mark += 1; ti = mark
        }
        while pi < p.count, p[pi] == "*" { pi += 1 }
        return pi == p.count
    }

    /// If the pattern element at `i` matches `c`, the index after it.
    private static func one(_ p: [Unicode.Scalar], _ i: Int, _ c: Unicode.Scalar) -> Int? {
        switch p[i] {
        case "?": return i + 1
        case "[":
            guard let close = p[(i + 1)...].firstIndex(of: "]"), close > i + 1 else { return p[i] == c ? i + 1 : nil }
            let set = p[(i + 1)..<close]
            var hit = false, j = set.startIndex
            while j < set.endIndex {
                if j + 2 < set.endIndex, set[j + 1] == "-" {
                    if set[j] <= c && c <= set[j + 2] { hit = true }; j += 3
                } else {
                    if set[j] == c { hit = true }; j += 1
                }
            }
            return hit ? close + 1 : nil
        default: return p[i] == c ? i + 1 : nil
        }
    }
}

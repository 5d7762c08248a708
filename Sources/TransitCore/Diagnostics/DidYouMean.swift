/// Suggests the closest known name for a misspelt one ("did you mean `phytosanitary-certificate`?").
public enum DidYouMean {
    /// The candidate nearest to `word` by edit distance, if it is near enough to be a plausible typo.
    public static func suggest<S: Sequence>(_ word: String, among candidates: S) -> String? where S.Element == String {
        let w = Array(word.lowercased().utf8)
        var best: (String, Int)?
        for c in candidates {
            let d = distance(w, Array(c.lowercased().utf8))
            if best == nil || d < best!.1 || (d == best!.1 && c < best!.0) { best = (c, d) }
        }
        guard let (name, d) = best else { return nil }
        let limit = max(2, min(w.count, name.utf8.count) / 3)
        return d <= limit ? name : nil
    }

    /// A ready-made `help:` line, or nil when nothing is close.
    public static func help<S: Sequence>(_ word: String, among candidates: S) -> String? where S.Element == String {
        suggest(word, among: candidates).map { "did you mean `\($0)`?" }
    }

    static func distance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

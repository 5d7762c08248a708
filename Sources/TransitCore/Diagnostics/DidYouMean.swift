/// Suggests the closest known name for a misspelt one ("did you mean `phytosanitary-certificate`?").
public enum DidYouMean {
    /// Longer words get no suggestion: no id, code or key is this long, and the edit distance
    /// costs the product of the two lengths (a 1 MiB value took a minute).
    public static let maxWordBytes = 64

    /// The candidate nearest to `word` by edit distance, if it is near enough to be a plausible typo.
    public static func suggest<S: Sequence>(_ word: String, among candidates: S) -> String? where S.Element == String {
        guard word.utf8.count <= maxWordBytes else { return nil }
        let w = Array(word.lowercased().utf8)
        var best: (String, Int)?
        var bestPrefix: (String, Int, Int)?
        for c in candidates where c.utf8.count <= maxWordBytes {
            let cu = Array(c.lowercased().utf8)
            let d = distance(w, cu)
            if best == nil || d < best!.1 || (d == best!.1 && c < best!.0) { best = (c, d) }
            // A shared stem of five or more letters ("phyto-…" for "phytosanitary-…") is a strong hint.
            let p = zip(w, cu).prefix { $0 == $1 }.count
            // Ties go to the name first in order, so the answer does not depend on the candidates' order.
            if p >= 5,
                bestPrefix == nil || p > bestPrefix!.1
                    || (p == bestPrefix!.1 && (d < bestPrefix!.2 || (d == bestPrefix!.2 && c < bestPrefix!.0)))
            {
                bestPrefix = (c, p, d)
            }
        }
        guard let (name, d) = best else { return nil }
        let limit = max(2, min(w.count, name.utf8.count) / 3)
        if d <= 2 { return name }
        if let stem = bestPrefix { return stem.0 }
        return d <= limit ? name : nil
    }

    /// A ready-made `help:` line, or nil when nothing is close.
    public static func help<S: Sequence>(_ word: String, among candidates: S) -> String? where S.Element == String {
        suggest(word, among: candidates).map { "did you mean `\($0)`?" }
    }

    /// Optimal string alignment distance: edits, with a swap of two neighbours counting as one.
    static func distance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }
}

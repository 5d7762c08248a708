import TransitCore

/// What a batch saw, for the summary on standard error.
public struct BatchSummary: Sendable {
    public var total = 0
    public var verdicts: [String: Int] = [:]
    public var missing: [String: Int] = [:]
    public var corridorHours: [String: (sum: Double, count: Int)] = [:]
    public var interrupted = false

    /// SPEC 5: 2 if any input was bad, else 1 if any was not ready, else 0.
    public var exitStatus: Int32 {
        if verdicts["error", default: 0] > 0 { return 2 }
        if verdicts["incomplete", default: 0] + verdicts["blocked", default: 0] > 0 { return 1 }
        return 0
    }

    mutating func count(_ row: RowSummary) {
        total += 1
        verdicts[row.verdict, default: 0] += 1
        for d in row.missing { missing[d, default: 0] += 1 }
        if let c = row.corridor, row.hours > 0 {
            let e = corridorHours[c] ?? (0, 0)
            corridorHours[c] = (e.sum + row.hours, e.count + 1)
        }
    }
}

/// What the summary needs of one row, kept instead of the whole report so a window stays small.
struct RowSummary: Sendable {
    var verdict: String
    var missing: [String] = []
    var corridor: String?
    var hours: Double = 0

    init(_ outcome: CheckOutcome) {
        switch outcome {
        case .invalid: verdict = "error"
        case .report(let r):
            verdict = r.verdict.rawValue
            missing = r.documentsToObtain.map(\.document)
            corridor = r.corridor
            hours = r.estimate.timeHours.p50
        }
    }
}

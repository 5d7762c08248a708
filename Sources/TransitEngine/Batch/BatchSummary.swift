import TransitCore
import TransitReports

/// What a batch saw, for the summary on standard error.
public struct BatchSummary: Sendable {
    public var total = 0
    public var verdicts: [String: Int] = [:]
    public var missing: [String: Int] = [:]
    public var corridorHours: [String: (sum: Double, count: Int)] = [:]
    public var interrupted = false
    /// Rows not ready with something still open in them (with a baseline or waivers, something
    /// new or unwaived); what decides exit status 1.
    public var open = 0
    /// Rule ids (or codes) that produced a SARIF result, in the order they first did.
    public var cited: [String] = []
    private var citedSet: Set<String> = []

    /// SPEC 5: 2 if any input was bad, else 1 if any was not ready (with a baseline or waivers:
    /// if any has a new or unwaived finding), else 0.
    public var exitStatus: Int32 {
        if verdicts["error", default: 0] > 0 { return 2 }
        if open > 0 { return 1 }
        return 0
    }

    mutating func count(_ row: RowSummary) {
        total += 1
        verdicts[row.verdict, default: 0] += 1
        if row.open && row.verdict != "error" { open += 1 }
        for d in row.missing { missing[d, default: 0] += 1 }
        if let c = row.corridor, row.hours > 0 {
            let e = corridorHours[c] ?? (0, 0)
            corridorHours[c] = (e.sum + row.hours, e.count + 1)
        }
        for id in row.cited where citedSet.insert(id).inserted { cited.append(id) }
    }
}

/// What the summary (and the record) needs of one row, kept instead of the whole report so a
/// window stays small.
struct RowSummary: Sendable {
    var verdict: String
    /// Documents to obtain, one per document (`Report.documentsToObtain`).
    var missing: [String] = []
    var corridor: String?
    var hours: Double = 0
    var open = false
    var cited: [String] = []
    var record: RecordEntry?

    init(_ outcome: CheckOutcome) {
        switch outcome {
        case .invalid: verdict = "error"
        case .report(let r):
            verdict = r.verdict.rawValue
            missing = r.documentsToObtain.map(\.document)
            corridor = r.corridor
            hours = r.estimate.timeHours.p50
            open = r.verdict != .ready
        }
    }
}

/// One checked manifest as the record keeps it (`--record`): which file, with what content,
/// what it came to, and the compact row (before any baseline or waiver).
public struct RecordEntry: Sendable, Equatable {
    public var path: String
    public var manifestID: String?
    /// SHA-256 of the file's bytes; nil when it could not be read.
    public var contentHash: String?
    public var verdict: String
    /// The compact row, one line of JSON without its newline.
    public var row: String

    public init(path: String, manifestID: String?, contentHash: String?, verdict: String, row: String) {
        self.path = path; self.manifestID = manifestID; self.contentHash = contentHash; self.verdict = verdict;
        self.row = row
    }

    /// The entry for a checked file.
    public init(path: String, outcome: CheckOutcome, compact: CompactRow? = nil, contentHash: String?) {
        switch outcome {
        case .report(let r):
            var line = CompactRowJSON.line(compact ?? CompactRow(r))
            line.removeLast()
            self.init(
                path: path, manifestID: r.shipmentID, contentHash: contentHash, verdict: r.verdict.rawValue,
                row: String(decoding: line, as: UTF8.self))
        case .invalid(let file, let ds):
            var line = CompactRowJSON.invalidLine(file: file, diagnostics: ds)
            line.removeLast()
            self.init(
                path: path, manifestID: nil, contentHash: contentHash, verdict: "error",
                row: String(decoding: line, as: UTF8.self))
        }
    }
}

/// Where recorded checks go (`--record DB`): TransitRecord's SQLite record, or a test's list.
/// Called on one thread, in input order.
public protocol CheckRecorder: AnyObject {
    func append(_ entry: RecordEntry) throws
}

import ArgumentParser
import Foundation
import TransitCore
import TransitEngine
import TransitRecord
import TransitReports

/// The clock the commands read: the system's, or `TRANSIT_CHECK_NOW` (ISO 8601, e.g.
/// 2026-03-10T07:30:00Z) so that a demonstration or a test can fix it. The core never reads it.
enum Clock {
    static func now() -> Date {
        if let text = ProcessInfo.processInfo.environment["TRANSIT_CHECK_NOW"],
            let date = ISO8601DateFormatter().date(from: text)
        {
            return date
        }
        return Date()
    }

    /// Today in UTC, as a `Day`.
    static func today() -> Day { Day(ordinal: Int((now().timeIntervalSince1970 / 86_400).rounded(.down))) }
}

/// `--baseline DB|FILE` and `--waivers FILE`, loaded before any work starts (a bad file is exit 2).
enum ReviewOptions {
    static func load(baseline: String?, waivers: String?, rules: RuleSet) throws -> Review? {
        guard baseline != nil || waivers != nil else { return nil }
        var review = Review(today: Clock.today())
        if let baseline {
            if CheckRecord.isDatabase(baseline) {
                do { review.baseline = try CheckRecord.baseline(baseline) } catch {
                    Output.error("--baseline \(baseline): \(error)")
                    throw ExitCode(2)
                }
            } else {
                switch ReviewFiles.baseline(jsonl: baseline) {
                case .success(let b): review.baseline = b
                case .failure(let f): Output.error(DiagnosticText.render(f.diagnostics)); throw ExitCode(2)
                }
            }
        }
        if let waivers {
            switch ReviewFiles.waivers(waivers, rules: rules) {
            case .success(let w): review.waivers = w
            case .failure(let f): Output.error(DiagnosticText.render(f.diagnostics)); throw ExitCode(2)
            }
        }
        return review
    }
}

/// `--record DB`.
enum RecordOptions {
    static func open(_ path: String, command: String, workspace: Workspace) throws -> CheckRecord {
        do {
            return try CheckRecord(path: path, command: command, rulesDigest: workspace.rulesDigest, clock: Clock.now)
        } catch {
            Output.error("--record \(path): cannot open the record: \(error)")
            throw ExitCode(2)
        }
    }
}

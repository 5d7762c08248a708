import Foundation
import TransitEngine

/// The summary a batch prints on standard error.
enum BatchReport {
    static func summary(_ s: BatchSummary, seconds: Double, jobs: Int) -> String {
        var lines = [
            "transit-check batch: \(s.total) manifests in \(String(format: "%.2f", seconds)) "
                + "s (\(Int(Double(s.total) / max(seconds, 1e-9)))/s, \(jobs) "
                + "jobs)\(s.interrupted ? ", interrupted" : "")"
        ]
        lines.append(
            "  "
                + ["ready", "incomplete", "blocked", "error"].map { "\($0) \(s.verdicts[$0, default: 0])" }.joined(
                    separator: "  "))
        let missing = s.missing.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(5)
        if !missing.isEmpty {
            lines.append("  most often missing: " + missing.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        }
        let slow = s.corridorHours.map { ($0.key, $0.value.sum / Double($0.value.count)) }.sorted {
            ($1.1, $0.0) < ($0.1, $1.0)
        }.prefix(5)
        if !slow.isEmpty {
            lines.append(
                "  slowest corridors (mean p50 days): "
                    + slow.map { "\($0.0) \(String(format: "%.1f", $0.1 / 24))" }.joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }
}

import Foundation
import TransitCore
import TransitYAML

/// The outcome of running one rule example.
public struct ExampleResult: Sendable {
    public var example: RuleExample
    /// Empty when the example passed; otherwise what differed, one line each.
    public var failures: [String]
    /// True when nothing differed.
    public var passed: Bool { failures.isEmpty }
}

extension Workspace {
    /// Runs one example: loads its manifest (by path, relative to the checkout, or inline),
    /// applies its patch, checks it and compares the report with what the example expects.
    public func run(_ example: RuleExample) -> ExampleResult {
        let node: YAMLNode
        let file: String
        switch example.shipment {
        case .inline(let n):
            node = n
            file = example.location.file
        case .path(let p):
            let full = p.hasPrefix("/") ? p : root + "/" + p
            switch Files.readYAML(full, display: p, limits: Files.manifestLimits) {
            case .failure(let f):
                return ExampleResult(
                    example: example, failures: f.diagnostics.map { "cannot load \(p): \($0.message)" })
            case .success(let n): node = n
            }
            file = p
        }
        let patched = example.patch.map { node.patched(with: $0) } ?? node
        switch ManifestDecoder.decode(patched, file: file, vocabulary: vocabulary) {
        case .failure(let f):
            return ExampleResult(
                example: example,
                failures: f.diagnostics.map {
                    "manifest does not load: \($0.location.map { "\($0): " } ?? "")\($0.message)"
                })
        case .success(let shipment):
            let report = evaluator.check(shipment)
            return ExampleResult(example: example, failures: Self.compare(example.expect, report))
        }
    }

    /// What differs between an expectation and a report.
    static func compare(_ e: Expectation, _ r: Report) -> [String] {
        var out: [String] = []
        func rows(_ doc: String) -> [ChecklistRow] {
            r.checklist.filter { $0.document == doc || ($0.alternatives?.contains { $0.contains(doc) } ?? false) }
        }
        let actual = r.checklist.map { "\($0.document)=\($0.status.rawValue)" }.joined(separator: ", ")
        if let v = e.verdict, v != r.verdict {
            out.append("verdict: expected \(v.rawValue), got \(r.verdict.rawValue)")
        }
        for doc in e.missing where !rows(doc).contains(where: { $0.status.needsAction }) {
            out.append("expected \(doc) to be missing or unsatisfied; checklist: [\(actual)]")
        }
        for doc in e.present where !rows(doc).contains(where: { $0.status == .present }) {
            out.append("expected \(doc) to be present; checklist: [\(actual)]")
        }
        for doc in e.notRequired where !rows(doc).isEmpty {
            out.append(
                "expected \(doc) not to be required, but rules "
                    + "\(rows(doc).flatMap(\.rules).map(\.id).joined(separator: ", ")) ask for it"
            )
        }
        for (doc, status) in e.status.sorted(by: { $0.key < $1.key })
        where !rows(doc).contains(where: { $0.status == status }) {
            out.append("expected \(doc) to be \(status.rawValue); checklist: [\(actual)]")
        }
        for code in e.notFindings where r.findings.contains(where: { $0.code.rawValue == code }) {
            out.append(
                "expected no finding \(code); got: "
                    + "\(r.findings.filter { $0.code.rawValue == code }.map(\.message).joined(separator: "; "))"
            )
        }
        for code in e.findings where !r.findings.contains(where: { $0.code.rawValue == code }) {
            out.append(
                "expected a finding \(code); findings: [\(r.findings.map(\.code.rawValue).joined(separator: ", "))]")
        }
        return out
    }
}

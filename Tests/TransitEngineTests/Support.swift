import Foundation
import TransitCore
import TransitYAML
@testable import TransitEngine

/// The checkout the tests run in, found from this file's path.
enum Checkout {
    static let root: String = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    static let workspace: Workspace = {
        switch Workspace.load(rulesDirectory: root + "/rules") {
        case .success(let w): return w
        case .failure(let f):
            fatalError(
                "bundled rules do not load:\n"
                    + f.diagnostics.map { "\($0.location?.description ?? ""): \($0.message)" }.joined(separator: "\n"))
        }
    }()

    /// A manifest's text decoded as `check` decodes a file, against the bundled vocabulary.
    static func decode(_ text: String, file: String = "m.yaml") -> Result<Shipment, LoadFailure> {
        ManifestDecoder.decode(text, file: file, vocabulary: workspace.vocabulary)
    }

    static func files(in dir: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root + "/" + dir)) ?? [])
            .filter { $0.hasSuffix(".yaml") }.sorted().map { dir + "/" + $0 }
    }
}

/// A position marked in a fixture by a trailing comment `# error: CODE at "TOKEN"` (or with
/// single quotes): a diagnostic with that code must be reported on that line, at the column where
/// TOKEN starts. No line or column is counted by hand.
struct Marker {
    var line: Int
    var column: Int
    var code: String

    static func all(in text: String) -> [Marker] {
        var out: [Marker] = []
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let hash = line.range(of: "# error: ") else { continue }
            let spec = line[hash.upperBound...]
            guard let at = spec.range(of: " at ") else { continue }
            let code = String(spec[..<at.lowerBound])
            var token = String(spec[at.upperBound...]).trimmingCharacters(in: .whitespaces)
            token = String(token.dropFirst().dropLast())
            guard let r = line[..<hash.lowerBound].range(of: token) else { continue }
            out.append(
                Marker(line: i + 1, column: line.distance(from: line.startIndex, to: r.lowerBound) + 1, code: code))
        }
        return out
    }
}

/// The lines where two texts differ, with their line numbers and a little context, for a golden
/// that no longer matches ("report differs" alone says nothing about what changed).
enum LineDiff {
    static func describe(expected: String, actual: String, context: Int = 2, limit: Int = 12) -> String {
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var out: [String] = []
        var shown = 0
        var i = 0
        while i < max(a.count, b.count), shown < limit {
            let x = i < a.count ? String(a[i]) : nil, y = i < b.count ? String(b[i]) : nil
            if x != y {
                for k in max(0, i - context)..<i where k < a.count { out.append("  \(k + 1)  \(a[k])") }
                if let x { out.append("- \(i + 1)  \(x)") }
                if let y { out.append("+ \(i + 1)  \(y)") }
                shown += 1
            }
            i += 1
        }
        if a.count != b.count { out.append("(\(a.count) lines expected, \(b.count) written)") }
        return out.joined(separator: "\n")
    }
}

/// Tests name finding codes as they appear in reports ("link-closed"); a code that does not
/// exist stops the test at once.
extension FindingCode: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) {
        guard let code = FindingCode(rawValue: value) else { preconditionFailure("no finding code `\(value)`") }
        self = code
    }
}

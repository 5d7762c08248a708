import Foundation
import TransitCore
@testable import TransitEngine

/// The checkout the tests run in, found from this file's path.
enum Checkout {
    static let root: String = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    static let workspace: Workspace = {
        switch Workspace.load(rulesDirectory: root + "/rules") {
        case .success(let w): return w
        case .failure(let f): fatalError("bundled rules do not load:\n" + f.diagnostics.map { "\($0.location?.description ?? ""): \($0.message)" }.joined(separator: "\n"))
        }
    }()

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
            out.append(Marker(line: i + 1, column: line.distance(from: line.startIndex, to: r.lowerBound) + 1, code: code))
        }
        return out
    }
}

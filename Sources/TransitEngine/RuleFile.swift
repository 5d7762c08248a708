import Foundation
import TransitCore
import TransitYAML

/// One file under `rules/` read and decoded, with the problems found in it. A workspace decodes
/// its files side by side (`Workspace.load`) and then merges them in file order, so that the
/// rule set and the order of the diagnostics do not depend on which thread finished first.
struct RuleFile: Sendable {
    enum Content: Sendable {
        case catalogue([DocumentType])
        case network(NetworkParts)
        case agreements([Agreement])
        case pack(LoadedPack)
        case tests([RuleExample])
        /// A file that gives nothing: a draft under `drafts/` (loaded only when named), a file
        /// that did not read, or a draft pack outside `drafts/`.
        case none
    }

    var content: Content = .none
    var diagnostics: [Diagnostic] = []

    /// The file at `path`, at `relative` under the rules directory, shown as `shown`.
    static func decode(_ path: String, relative: String, shown: String) -> RuleFile {
        let top = relative.split(separator: "/").first.map(String.init) ?? ""
        if top == "drafts" { return RuleFile() }
        let node: YAMLNode
        switch Files.readYAML(path, display: shown) {
        case .success(let n): node = n
        case .failure(let f): return RuleFile(diagnostics: f.diagnostics)
        }
        if top == "tests" {
            let r = RulePackDecoder.decodeTests(node, file: shown)
            return RuleFile(content: .tests(r.tests), diagnostics: r.diagnostics)
        }
        if relative == "documents.yaml" {
            let r = CatalogueDecoder.decode(node, file: shown)
            return RuleFile(content: .catalogue(r.types), diagnostics: r.diagnostics)
        }
        if top == "network" {
            let r = NetworkDecoder.decode(node, file: shown)
            return RuleFile(content: .network(r.parts), diagnostics: r.diagnostics)
        }
        if top == "agreements" {
            let r = AgreementDecoder.decode(node, file: shown)
            return RuleFile(content: .agreements(r.agreements), diagnostics: r.diagnostics)
        }
        let r = RulePackDecoder.decode(node, file: shown)
        guard let p = r.pack else { return RuleFile(diagnostics: r.diagnostics) }
        guard p.pack.status == .draft else { return RuleFile(content: .pack(p), diagnostics: r.diagnostics) }
        let outside = Diagnostic(
            "draft-outside-drafts",
            "pack `\(p.pack.id)` is a draft; keep drafts in rules/drafts/ and load them with --draft",
            at: SourceLocation(file: shown, line: 1, column: 1), severity: .warning)
        return RuleFile(diagnostics: [outside] + r.diagnostics)
    }

    /// A draft pack named with `--draft`, shown as `shown`.
    static func decodeDraft(_ path: String, shown: String) -> RuleFile {
        switch Files.readYAML(path, display: shown) {
        case .failure(let f): return RuleFile(diagnostics: f.diagnostics)
        case .success(let node):
            let r = RulePackDecoder.decode(node, file: shown)
            return RuleFile(content: r.pack.map { .pack($0) } ?? .none, diagnostics: r.diagnostics)
        }
    }
}

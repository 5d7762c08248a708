import Foundation
import TransitCore
import TransitYAML

/// The loaded rules directory: rule set, network, document catalogue, agreements and the
/// examples the packs carry. Loaded once; checking many shipments reuses it.
public struct Workspace: Sendable {
    public let rulesDirectory: String
    /// The directory paths are shown relative to (the parent of `rules/`).
    public let root: String
    public let ruleSet: RuleSet
    public let network: Network
    public let evaluator: Evaluator
    public let examples: [RuleExample]
    public let vocabulary: ManifestVocabulary
    /// Warnings found while loading (they do not stop it); `rules lint` shows them.
    public let warnings: [Diagnostic]
    /// Test files in `tests/` beside the rules (`rules test`).
    public let tests: [RuleExample]
    /// SHA-256 over every file that was loaded (its path under the rules directory and its
    /// bytes, in sorted order, drafts named last): two runs with the same digest judged by the
    /// same rules, network and catalogue. The record stores it with every check.
    public var rulesDigest: String = ""

    /// Finds `rules/` in the current directory or one of its parents, as a checkout has it.
    public static func findRulesDirectory(from start: String = FileManager.default.currentDirectoryPath) -> String? {
        var dir = URL(fileURLWithPath: start).standardizedFileURL
        while true {
            let candidate = dir.appendingPathComponent("rules")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("documents.yaml").path) {
                return candidate.path
            }
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path { return nil }
            dir = parent
        }
    }

    /// Loads every file under `rulesDirectory` (drafts only when named), reporting all problems.
    public static func load(rulesDirectory: String, drafts: [String] = []) -> Result<Workspace, LoadFailure> {
        let rulesURL = URL(fileURLWithPath: rulesDirectory).standardizedFileURL
        let root = rulesURL.deletingLastPathComponent().path
        var diagnostics: [Diagnostic] = []
        func display(_ path: String) -> String { Paths.display(path, relativeTo: root) }
        func read(_ path: String) -> YAMLNode? {
            switch Files.readYAML(path, display: display(path)) {
            case .success(let n): return n
            case .failure(let f): diagnostics += f.diagnostics; return nil
            }
        }
        let files = Files.yamlFiles(under: rulesURL.path)
        var documents: [DocumentType] = []
        var parts = NetworkParts()
        var agreements: [Agreement] = []
        var packs: [LoadedPack] = []
        var tests: [RuleExample] = []
        for path in files {
            let relative = String(path.dropFirst(rulesURL.path.count + 1))
            let top = relative.split(separator: "/").first.map(String.init) ?? ""
            if top == "drafts" { continue }
            if top == "tests" {
                guard let node = read(path) else { continue }
                let r = RulePackDecoder.decodeTests(node, file: display(path))
                tests += r.tests
                diagnostics += r.diagnostics
                continue
            }
            guard let node = read(path) else { continue }
            let shown = display(path)
            if relative == "documents.yaml" {
                let r = CatalogueDecoder.decode(node, file: shown); documents += r.types; diagnostics += r.diagnostics
            } else if top == "network" {
                let r = NetworkDecoder.decode(node, file: shown); parts.merge(r.parts); diagnostics += r.diagnostics
            } else if top == "agreements" {
                let r = AgreementDecoder.decode(node, file: shown); agreements += r.agreements;
                diagnostics += r.diagnostics
            } else {
                let r = RulePackDecoder.decode(node, file: shown)
                if let p = r.pack {
                    if p.pack.status == .draft {
                        diagnostics.append(
                            Diagnostic(
                                "draft-outside-drafts",
                                "pack `\(p.pack.id)` is a draft; keep drafts in rules/drafts/ and load them with "
                                    + "--draft",
                                at: SourceLocation(file: shown, line: 1, column: 1), severity: .warning))
                    } else {
                        packs.append(p)
                    }
                }
                diagnostics += r.diagnostics
            }
        }
        for draft in drafts {
            guard let node = read(draft) else { continue }
            let r = RulePackDecoder.decode(node, file: display(draft))
            diagnostics += r.diagnostics
            guard let p = r.pack else { continue }
            // A draft replaces the in-force pack with the same id.
            packs.removeAll { $0.pack.id == p.pack.id }
            packs.append(p)
        }
        // A rule another supersedes stops applying the day the new one starts (TransitCore's Supersession).
        let resolved = Supersession.apply(to: packs.map(\.pack))
        diagnostics += resolved.diagnostics
        packs = zip(packs, resolved.packs).map { loaded, pack in
            var p = loaded
            p.pack = pack
            p.examples.removeAll { resolved.superseded.contains($0.rule) }
            return p
        }
        let network = Network(
            places: parts.places, links: parts.links, tariffs: parts.tariffs,
            transshipment: parts.transshipment, corridors: parts.corridors)
        let ruleSet = RuleSet(packs: packs.map(\.pack), documents: DocumentCatalogue(documents), agreements: agreements)
        diagnostics += ReferenceCheck.network(network, places: parts.places, corridors: parts.corridors)
        diagnostics += ReferenceCheck.rules(ruleSet.packs, documents: ruleSet.documents, agreements: ruleSet.agreements)
        if documents.isEmpty {
            diagnostics.append(
                Diagnostic("missing-file", "no document catalogue: \(display(rulesURL.path))/documents.yaml", at: nil))
        }
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return .failure(LoadFailure(diagnostics)) }
        let vocabulary = ManifestVocabulary(
            documentTypes: Set(documents.map(\.id)), places: Set(network.places.keys),
            corridors: Set(network.corridors.keys), regimes: Set(ruleSet.agreements.keys))
        var workspace = Workspace(
            rulesDirectory: rulesURL.path, root: root, ruleSet: ruleSet, network: network,
            evaluator: Evaluator(rules: ruleSet, network: network),
            examples: packs.flatMap(\.examples), vocabulary: vocabulary,
            warnings: diagnostics.filter { $0.severity != .error }, tests: tests)
        var digest = SHA256()
        let loaded = files.filter { !String($0.dropFirst(rulesURL.path.count + 1)).hasPrefix("drafts/") }
        for path in loaded + drafts {
            digest.add(display(path).utf8)
            digest.add([0])
            digest.add(FileManager.default.contents(atPath: path) ?? Data())
            digest.add([0])
        }
        workspace.rulesDigest = digest.hex()
        return .success(workspace)
    }

    /// Reads and decodes a manifest file.
    public func loadShipment(_ path: String, display: String? = nil) -> Result<Shipment, LoadFailure> {
        let shown = display ?? path
        switch Files.readBytes(path, display: shown, limits: Files.manifestLimits) {
        case .failure(let f): return .failure(f)
        case .success(var bytes):
            return ManifestDecoder.decode(
                bytes: &bytes, file: shown, vocabulary: vocabulary, limits: Files.manifestLimits)
        }
    }

    /// `loadShipment`, setting `contentHash` to the SHA-256 of the bytes read (nil if none were).
    public func loadShipment(
        _ path: String, display: String? = nil, contentHash: inout String?
    ) -> Result<Shipment, LoadFailure> {
        let shown = display ?? path
        switch Files.readBytes(path, display: shown, limits: Files.manifestLimits) {
        case .failure(let f): contentHash = nil; return .failure(f)
        case .success(var bytes):
            contentHash = SHA256.hex(bytes)
            return ManifestDecoder.decode(
                bytes: &bytes, file: shown, vocabulary: vocabulary, limits: Files.manifestLimits)
        }
    }
}

extension Workspace {
    /// Replaced rule id → the rule that replaces it.
    public var supersededBy: [String: String] {
        var out: [String: String] = [:]
        for r in ruleSet.rules { for id in r.supersedes { out[id] = r.id } }
        return out
    }
}

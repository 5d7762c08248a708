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
    /// The files are read and decoded on up to `threads` threads (`batch --jobs`), then merged
    /// in file order: the result does not depend on the number of threads.
    public static func load(
        rulesDirectory: String, drafts: [String] = [], threads: Int = 1
    ) -> Result<Workspace, LoadFailure> {
        let rulesURL = URL(fileURLWithPath: rulesDirectory).standardizedFileURL
        let root = rulesURL.deletingLastPathComponent().path
        let files = Files.yamlFiles(under: rulesURL.path)
        let relative = files.map { String($0.dropFirst(rulesURL.path.count + 1)) }
        // Shown paths are worked out once a file: the digest names every file too.
        let paths = files + drafts
        let shown = paths.map { Paths.display($0, relativeTo: root) }
        // What the digest covers: every file but the drafts not named, then the named ones.
        let digested = (files.indices.filter { !relative[$0].hasPrefix("drafts/") } + (files.count..<paths.count))
            .map { (path: paths[$0], shown: shown[$0]) }
        // The digest, the longest single task, goes first; then every file, then the drafts.
        let decoded = inParallel(1 + paths.count, threads: threads) { task -> LoadPart in
            guard task > 0 else { return .digest(digest(of: digested)) }
            let i = task - 1
            guard i < files.count else { return .file(RuleFile.decodeDraft(drafts[i - files.count], shown: shown[i])) }
            return .file(RuleFile.decode(files[i], relative: relative[i], shown: shown[i]))
        }
        var diagnostics: [Diagnostic] = []
        var documents: [DocumentType] = []
        var parts = NetworkParts()
        var agreements: [Agreement] = []
        var packs: [LoadedPack] = []
        var tests: [RuleExample] = []
        var rulesDigest = ""
        for (task, part) in decoded.enumerated() {
            guard case .file(let file) = part else {
                if case .digest(let d) = part { rulesDigest = d }
                continue
            }
            diagnostics += file.diagnostics
            switch file.content {
            case .catalogue(let types): documents += types
            case .network(let p): parts.merge(p)
            case .agreements(let a): agreements += a
            case .tests(let t): tests += t
            case .none: break
            case .pack(let p):
                // A draft replaces the in-force pack with the same id.
                if task > files.count { packs.removeAll { $0.pack.id == p.pack.id } }
                packs.append(p)
            }
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
                Diagnostic(
                    "missing-file",
                    "no document catalogue: \(Paths.display(rulesURL.path, relativeTo: root))/documents.yaml", at: nil))
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
        workspace.rulesDigest = rulesDigest
        return .success(workspace)
    }

    /// One task of `load`: a file decoded, or the digest of them all.
    private enum LoadPart: Sendable {
        case file(RuleFile)
        case digest(String)
    }

    /// SHA-256 over each file's shown path and bytes, in order (`rulesDigest`).
    private static func digest(of files: [(path: String, shown: String)]) -> String {
        var digest = SHA256()
        for (path, name) in files {
            digest.add(name.utf8)
            digest.add([0])
            digest.add(FileManager.default.contents(atPath: path) ?? Data())
            digest.add([0])
        }
        return digest.hex()
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

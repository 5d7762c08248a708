import Foundation
import TransitCore
import TransitYAML

/// File-system helpers: listing YAML files in a stable order and reading them within limits.
enum Files {
    static let manifestLimits = YAMLLimits(maxBytes: 1 << 20, maxDepth: 32, maxAliasExpansion: 10_000)

    /// Every `.yaml`, `.yml` and `.json` file under `dir`, sorted so that loading is deterministic.
    static func yamlFiles(under dir: String) -> [String] {
        guard let e = FileManager.default.enumerator(atPath: dir) else { return [] }
        var out: [String] = []
        while let rel = e.nextObject() as? String {
            if rel.hasSuffix(".yaml") || rel.hasSuffix(".yml") || rel.hasSuffix(".json") { out.append(dir + "/" + rel) }
        }
        return out.sorted()
    }

    static func readYAML(_ path: String, display: String, limits: YAMLLimits = .standard) -> Result<YAMLNode, LoadFailure> {
        let at = SourceLocation(file: display, line: 1, column: 1)
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return .failure(LoadFailure([Diagnostic("unreadable", "cannot read file", at: at)]))
        }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: limits.maxBytes + 1)) ?? Data()
        guard data.count <= limits.maxBytes else {
            return .failure(LoadFailure([Diagnostic("file-too-large", "file is larger than \(limits.maxBytes) bytes", at: at)]))
        }
        var bytes = [UInt8](data)
        guard String(validating: bytes, as: UTF8.self) != nil else {
            return .failure(LoadFailure([Diagnostic("bad-encoding", "file is not UTF-8 text", at: at)]))
        }
        switch YAMLReader.parse(bytes: &bytes, file: display, limits: limits) {
        case .success(let n): return .success(n)
        case .failure(let d): return .failure(LoadFailure([d]))
        }
    }
}

/// Paths as reports show them: relative to a root when under it.
public enum Paths {
    public static func display(_ path: String, relativeTo root: String) -> String {
        let full = URL(fileURLWithPath: path).standardizedFileURL.path
        let base = root.hasSuffix("/") ? root : root + "/"
        return full.hasPrefix(base) ? String(full.dropFirst(base.count)) : path
    }
}

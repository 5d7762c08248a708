import Foundation
import TransitCore
import TransitYAML

/// File-system helpers: listing YAML files in a stable order and reading them within limits.
enum Files {
    static let manifestLimits = YAMLLimits(maxBytes: 1 << 20, maxDepth: 32, maxAliasExpansion: 10_000)

    /// Every `.yaml`, `.yml` and `.json` file under `dir`, sorted so that loading is deterministic.
    /// `dir` may be a symbolic link to a directory. A subdirectory that cannot be read is listed
    /// itself, so that it gets an error row instead of being skipped without a word.
    static func yamlFiles(under dir: String) -> [String] {
        let root = URL(fileURLWithPath: dir).resolvingSymlinksInPath()
        let rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
        var unreadable: [String] = []
        guard
            let e = FileManager.default.enumerator(
                at: root, includingPropertiesForKeys: nil, options: [],
                errorHandler: { url, _ in
                    unreadable.append(url.path); return true
                })
        else { return [dir] }
        var out: [String] = []
        while let url = e.nextObject() as? URL {
            let name = url.lastPathComponent
            guard name.hasSuffix(".yaml") || name.hasSuffix(".yml") || name.hasSuffix(".json") else { continue }
            let full = url.path
            out.append(full.hasPrefix(rootPath) ? dir + "/" + full.dropFirst(rootPath.count) : full)
        }
        out += unreadable.map { $0.hasPrefix(rootPath) ? dir + "/" + $0.dropFirst(rootPath.count) : $0 }
        return out.sorted()
    }

    static func readYAML(
        _ path: String, display: String, limits: YAMLLimits = .standard
    ) -> Result<YAMLNode, LoadFailure> {
        switch readBytes(path, display: display, limits: limits) {
        case .failure(let f): return .failure(f)
        case .success(var bytes):
            switch YAMLReader.parse(bytes: &bytes, file: display, limits: limits) {
            case .success(let n): return .success(n)
            case .failure(let d): return .failure(LoadFailure([d]))
            }
        }
    }

    /// A file's bytes, if it is a regular file within the size limit.
    static func readBytes(_ path: String, display: String, limits: YAMLLimits) -> Result<[UInt8], LoadFailure> {
        let at = SourceLocation(file: display, line: 1, column: 1)
        // Read exactly the file's size (no large zeroed buffer, no copies); libyaml checks UTF-8.
        // Non-blocking, so that opening a FIFO or a device named *.yaml returns at once (and
        // fails below as not a regular file) instead of waiting for a writer forever.
        let fd = open(path, O_RDONLY | O_NONBLOCK)
        guard fd >= 0 else { return .failure(LoadFailure([Diagnostic("unreadable", "cannot read file", at: at)])) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            return .failure(LoadFailure([Diagnostic("unreadable", "not a regular file", at: at)]))
        }
        let size = Int(info.st_size)
        guard size <= limits.maxBytes else {
            return .failure(
                LoadFailure([
                    Diagnostic("file-too-large", "file is \(size) bytes; the limit is \(limits.maxBytes)", at: at)
                ]))
        }
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            var done = 0
            while done < size {
                let n = read(fd, buffer.baseAddress! + done, size - done)
                if n <= 0 { failed = n < 0; break }
                done += n
            }
            count = done
        }
        if failed { return .failure(LoadFailure([Diagnostic("unreadable", "cannot read file", at: at)])) }
        return .success(bytes)
    }
}

/// Paths as reports show them: relative to a root when under it.
public enum Paths {
    /// `path` relative to `root` when it lies under it, else `path` as given.
    public static func display(_ path: String, relativeTo root: String) -> String {
        let full = URL(fileURLWithPath: path).standardizedFileURL.path
        let base = root.hasSuffix("/") ? root : root + "/"
        return full.hasPrefix(base) ? String(full.dropFirst(base.count)) : path
    }
}

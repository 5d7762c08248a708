import Foundation

/// The manifests of a batch: files, directories searched recursively for `*.yaml`, `*.yml` and
/// `*.json` (in sorted order), and `-` for a list of paths on standard input.
public enum BatchInputs {
    /// The manifest paths the arguments name, in order: each file as given, each directory's manifests sorted, and for
    /// `-` the lines of standard input.
    public static func expand(
        _ arguments: [String], standardInput: () -> String? = { readLine(strippingNewline: true) }
    ) -> [String] {
        Array(paths(arguments, standardInput: standardInput))
    }

    /// `expand`, packed: what the batch holds for a corpus of any size.
    public static func paths(
        _ arguments: [String], standardInput: () -> String? = { readLine(strippingNewline: true) }
    ) -> PathList {
        var out = PathList()
        for arg in arguments {
            if arg == "-" {
                while let line = standardInput() {
                    let path = trimmed(line)
                    if !path.isEmpty { out.append(path) }
                }
                continue
            }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: arg, isDirectory: &isDirectory), isDirectory.boolValue {
                let base = arg.hasSuffix("/") ? String(arg.dropLast()) : arg
                for file in Files.yamlFiles(under: base) { out.append(file) }
            } else {
                // A file that does not exist still gets a row (an error), so nothing is lost.
                out.append(arg)
            }
        }
        return out
    }

    /// The line without surrounding whitespace. Most lines have none, and telling so from their
    /// first and last bytes is far cheaper than Foundation's trim (which a list of 100,000 paths
    /// would otherwise pay for every line).
    static func trimmed(_ line: String) -> String {
        func plain(_ b: UInt8?) -> Bool { b.map { $0 > 0x20 && $0 < 0x80 } ?? true }
        if plain(line.utf8.first) && plain(line.utf8.last) { return line }
        return line.trimmingCharacters(in: .whitespaces)
    }
}

/// `--shard K/N`: the K-th of N disjoint parts of a corpus (K from 1 to N). A file belongs to the
/// shard chosen by a stable hash of its path, so N machines cover the corpus with no overlap and
/// no gap even if they list it in different orders.
public struct Shard: Sendable, Equatable {
    public var index: Int
    public var count: Int

    public init?(_ text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, (1...n).contains(k) else {
            return nil
        }
        index = k
        count = n
    }

    public init(index: Int, count: Int) { self.index = index; self.count = count }

    /// True when `path` falls in this shard: by its FNV-1a hash, the same in every process.
    public func contains(_ path: String) -> Bool {
        Int(Shard.fnv1a(path) % UInt64(count)) == index - 1
    }

    /// FNV-1a, 64-bit: stable across runs, machines and Swift versions (unlike `hashValue`).
    static func fnv1a(_ s: String) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        for b in s.utf8 { h ^= UInt64(b); h = h &* 0x100000001b3 }
        return h
    }
}

import TransitCore

/// Limits that keep a hostile or broken file from exhausting memory or time.
public struct YAMLLimits: Sendable {
    public var maxBytes: Int
    public var maxDepth: Int
    /// Total nodes that aliases may re-expand; billion-laughs files exceed it.
    public var maxAliasExpansion: Int

    public init(maxBytes: Int = 8 << 20, maxDepth: Int = 64, maxAliasExpansion: Int = 100_000) {
        self.maxBytes = maxBytes; self.maxDepth = maxDepth; self.maxAliasExpansion = maxAliasExpansion
    }
    public static let standard = YAMLLimits()
}

/// Reads YAML (and so JSON) text into `YAMLNode`s with positions, over libyaml's event stream.
public enum YAMLReader {
    /// The first document of `text`, or the diagnostics that stop it from being read.
    public static func parse(
        _ text: String, file: String, limits: YAMLLimits = .standard
    ) -> Result<YAMLNode, Diagnostic> {
        var bytes = Array(text.utf8)
        return parse(bytes: &bytes, file: file, limits: limits)
    }

    /// The first document of `bytes` (a file's contents as read), or the diagnostic that stops it from
    /// being read.
    public static func parse(
        bytes: inout [UInt8], file: String, limits: YAMLLimits = .standard
    ) -> Result<YAMLNode, Diagnostic> {
        guard bytes.count <= limits.maxBytes else {
            return .failure(
                Diagnostic(
                    "file-too-large", "file is \(bytes.count) bytes; the limit is \(limits.maxBytes)",
                    at: SourceLocation(file: file, line: 1, column: 1)))
        }
        return bytes.withUnsafeBufferPointer { buffer in
            var builder = TreeBuilder(file: file, limits: limits)
            return builder.run(buffer)
        }
    }
}

private struct TreeBuilder {
    let file: String
    let limits: YAMLLimits
    var anchors: [String: (node: YAMLNode, size: Int)] = [:]
    var expanded = 0

    init(file: String, limits: YAMLLimits) { self.file = file; self.limits = limits }

    /// A container being filled, with the anchor it will be stored under. Its items so far are
    /// `pending[start...]`: one stack of nodes serves every open container, so no container
    /// grows an array of its own.
    struct Frame {
        var location: SourceLocation
        var anchor: String?
        var isMapping: Bool
        var start: Int
        var size = 1
    }

    mutating func run(_ buffer: UnsafeBufferPointer<UInt8>) -> Result<YAMLNode, Diagnostic> {
        let events = YAMLEvents(buffer)
        guard events.started else {
            return .failure(Diagnostic("yaml-internal", "could not start the YAML parser", at: nil))
        }
        var stack: [Frame] = []
        var pending: [YAMLNode] = []
        pending.reserveCapacity(128)
        var root: YAMLNode?
        /// A finished node goes into the open container (or is the document), moved, not copied.
        func finish(_ node: consuming YAMLNode, size: Int) {
            if stack.isEmpty {
                root = node
            } else {
                pending.append(node)
                stack[stack.count - 1].size += size
            }
        }
        while true {
            guard let kind = events.next() else { return .failure(events.syntaxError(file: file)) }
            if kind == .streamEnd { break }
            if kind == .documentEnd && root != nil {
                // One document a file: a second one is an error, never silently ignored.
                guard let next = events.next() else { return .failure(events.syntaxError(file: file)) }
                if next == .streamEnd { break }
                return .failure(
                    Diagnostic(
                        "yaml-multiple-documents", "a file holds one document; a second one starts here",
                        at: SourceLocation(file: file, line: events.line, column: events.column),
                        help: "put each manifest in a file of its own"))
            }
            let at = SourceLocation(file: file, line: events.line, column: events.column)
            switch kind {
            case .scalar:
                let node = YAMLNode(
                    .scalar(String(decoding: events.bytes, as: UTF8.self), plain: events.isPlain), at: at)
                if let a = events.anchor { anchors[a] = (node, 1) }
                finish(node, size: 1)
            case .sequenceStart, .mappingStart:
                guard stack.count < limits.maxDepth else {
                    return .failure(
                        Diagnostic("yaml-too-deep", "nesting is deeper than \(limits.maxDepth) levels", at: at))
                }
                stack.append(
                    Frame(location: at, anchor: events.anchor, isMapping: kind == .mappingStart, start: pending.count))
            case .sequenceEnd, .mappingEnd:
                let frame = stack.removeLast()
                let node: YAMLNode
                if frame.isMapping {
                    var pairs: [(key: YAMLNode, value: YAMLNode)] = []
                    pairs.reserveCapacity((pending.count - frame.start) / 2)
                    var i = frame.start
                    while i + 1 < pending.count { pairs.append((pending[i], pending[i + 1])); i += 2 }
                    node = YAMLNode(.mapping(pairs), at: frame.location)
                } else {
                    node = YAMLNode(.sequence(Array(pending[frame.start...])), at: frame.location)
                }
                pending.removeSubrange(frame.start...)
                if let a = frame.anchor { anchors[a] = (node, frame.size) }
                finish(node, size: frame.size)
            case .alias:
                let name = events.anchor ?? ""
                guard let target = anchors[name] else {
                    return .failure(Diagnostic("yaml-unknown-alias", "alias *\(name) names no anchor", at: at))
                }
                expanded += target.size
                guard expanded <= limits.maxAliasExpansion else {
                    return .failure(
                        Diagnostic(
                            "yaml-alias-bomb",
                            "aliases expand to more than \(limits.maxAliasExpansion) nodes", at: at))
                }
                finish(YAMLNode(target.node.content, at: at), size: target.size)
            default:
                break
            }
        }
        return .success(root ?? YAMLNode(.scalar("", plain: true), at: SourceLocation(file: file, line: 1, column: 1)))
    }
}

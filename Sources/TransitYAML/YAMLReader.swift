import CYAML
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
    public static func parse(_ text: String, file: String, limits: YAMLLimits = .standard) -> Result<YAMLNode, Diagnostic> {
        var bytes = Array(text.utf8)
        return parse(bytes: &bytes, file: file, limits: limits)
    }

    public static func parse(bytes: inout [UInt8], file: String, limits: YAMLLimits = .standard) -> Result<YAMLNode, Diagnostic> {
        guard bytes.count <= limits.maxBytes else {
            return .failure(Diagnostic("file-too-large", "file is \(bytes.count) bytes; the limit is \(limits.maxBytes)",
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
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            return .failure(Diagnostic("yaml-internal", "could not start the YAML parser", at: nil))
        }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_input_string(&parser, buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!, buffer.count)
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)

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
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else { return .failure(syntaxError(parser)) }
            defer { yaml_event_delete(&event) }
            let type = event.type
            if type == YAML_STREAM_END_EVENT || (type == YAML_DOCUMENT_END_EVENT && root != nil) { break }
            let at = SourceLocation(file: file, line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
            switch type {
            case YAML_SCALAR_EVENT:
                let s = event.data.scalar
                let text = s.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: Int(s.length)), as: UTF8.self) } ?? ""
                let plain = s.style == YAML_PLAIN_SCALAR_STYLE
                let node = YAMLNode(.scalar(text, plain: plain), at: at)
                if let a = s.anchor { anchors[string(a)] = (node, 1) }
                finish(node, size: 1)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                guard stack.count < limits.maxDepth else {
                    return .failure(Diagnostic("yaml-too-deep", "nesting is deeper than \(limits.maxDepth) levels", at: at))
                }
                let anchor = type == YAML_SEQUENCE_START_EVENT ? event.data.sequence_start.anchor : event.data.mapping_start.anchor
                stack.append(Frame(location: at, anchor: anchor.map(string), isMapping: type == YAML_MAPPING_START_EVENT,
                                   start: pending.count))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
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
            case YAML_ALIAS_EVENT:
                let name = string(event.data.alias.anchor)
                guard let target = anchors[name] else {
                    return .failure(Diagnostic("yaml-unknown-alias", "alias *\(name) names no anchor", at: at))
                }
                expanded += target.size
                guard expanded <= limits.maxAliasExpansion else {
                    return .failure(Diagnostic("yaml-alias-bomb",
                                               "aliases expand to more than \(limits.maxAliasExpansion) nodes", at: at))
                }
                finish(YAMLNode(target.node.content, at: at), size: target.size)
            default:
                break
            }
        }
        return .success(root ?? YAMLNode(.scalar("", plain: true), at: SourceLocation(file: file, line: 1, column: 1)))
    }

    private func string(_ p: UnsafeMutablePointer<yaml_char_t>) -> String {
        String(cString: UnsafeRawPointer(p).assumingMemoryBound(to: CChar.self))
    }

    private func syntaxError(_ parser: yaml_parser_t) -> Diagnostic {
        let problem = parser.problem.map { String(cString: $0) } ?? "malformed YAML"
        let context = parser.context.map { String(cString: $0) }
        let mark = parser.problem_mark
        let message = context.map { "\(problem) \($0)" } ?? problem
        return Diagnostic("yaml-syntax", message,
                          at: SourceLocation(file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1))
    }
}

import TransitCore

/// A YAML node with the position where it starts, as the loaders walk it.
/// Scalars keep their text and whether they were plain (unquoted), so that only plain
/// `true`/`false` are booleans and only plain `null`/`~`/empty are null.
public struct YAMLNode: Sendable {
    /// What the node holds: a scalar, a sequence or a mapping (its pairs in file order).
    public enum Content: Sendable {
        case scalar(String, plain: Bool)
        case sequence([YAMLNode])
        case mapping([(key: YAMLNode, value: YAMLNode)])
    }

    public var content: Content
    public var location: SourceLocation

    public init(_ content: Content, at location: SourceLocation) {
        self.content = content
        self.location = location
    }

    public var isNull: Bool {
        guard case .scalar(var s, true) = content else { return false }
        // On the text's bytes in place: asked of every scalar a schema reads.
        return s.withUTF8 { YAMLNode.isNullText($0, plain: true) }
    }

    /// Whether a scalar with this text is null: plain, and empty, `~`, `null`, `Null` or `NULL`.
    /// Asked of every key and value read, so the length rules out most text before any comparison
    /// (no other spelling of these texts is Unicode-equivalent, so bytes compare as `String ==`).
    static func isNullText<Bytes: Collection<UInt8>>(_ text: Bytes, plain: Bool) -> Bool {
        guard plain else { return false }
        switch text.count {
        case 0: return true
        case 1: return text.first == UInt8(ascii: "~")
        case 4:
            return text.elementsEqual("null".utf8) || text.elementsEqual("Null".utf8) || text.elementsEqual("NULL".utf8)
        default: return false
        }
    }

    /// The text of a non-null scalar.
    public var scalar: String? {
        if case .scalar(let s, _) = content, !isNull { return s }
        return nil
    }

    public var mapping: [(key: YAMLNode, value: YAMLNode)]? {
        if case .mapping(let m) = content { return m }
        return nil
    }

    public var sequence: [YAMLNode]? {
        if case .sequence(let s) = content { return s }
        return nil
    }

    /// The value under a key of a mapping.
    public subscript(key: String) -> YAMLNode? {
        mapping?.first { $0.key.scalar == key }?.value
    }

    /// What the node is, in words, for "expected a mapping, found a sequence".
    public var kindName: String {
        switch content {
        case .scalar: return isNull ? "null" : "a scalar"
        case .sequence: return "a sequence"
        case .mapping: return "a mapping"
        }
    }

    /// This mapping with the keys of `patch` replaced or added (a shallow merge, for rule examples).
    public func patched(with patch: YAMLNode) -> YAMLNode {
        guard var entries = mapping, let changes = patch.mapping else { return self }
        for change in changes {
            if let i = entries.firstIndex(where: { $0.key.scalar == change.key.scalar }) {
                entries[i].value = change.value
            } else {
                entries.append(change)
            }
        }
        return YAMLNode(.mapping(entries), at: location)
    }
}

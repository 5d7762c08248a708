import TransitCore

/// Reads a rule's `when:` (SPEC 2.4): one-key maps of all / any / not or `PATH: MATCHER`.
enum ConditionDecoder {
    static let matcherKeys = ["in", "prefix", "contains", "gt", "gte", "lt", "lte", "exists"]

    static func decode(_ node: YAMLNode, _ s: Schema) -> Condition? {
        guard let pairs = node.mapping, pairs.count == 1, let key = pairs[0].key.scalar else {
            s.error("bad-condition", "a condition is a map with one key: all, any, not, or a field path", at: node)
            return nil
        }
        let value = pairs[0].value
        switch key {
        case "all", "any":
            guard let items = s.sequence(value, key), !items.isEmpty else {
                s.error("bad-condition", "`\(key)` takes a non-empty list of conditions", at: value)
                return nil
            }
            let subs = items.compactMap { decode($0, s) }
            guard subs.count == items.count else { return nil }
            return key == "all" ? .all(subs) : .any(subs)
        case "not":
            return decode(value, s).map(Condition.not)
        default:
            guard let path = FieldPath(rawValue: key) else {
                s.error(
                    "unknown-path", "unknown field path `\(key)`", at: pairs[0].key,
                    help: DidYouMean.help(key, among: FieldPath.allCases.map(\.rawValue) + ["all", "any", "not"]))
                return nil
            }
            return matcher(value, path, s).map { .match(path, $0, pairs[0].key.location) }
        }
    }

    private static func matcher(_ node: YAMLNode, _ path: FieldPath, _ s: Schema) -> Matcher? {
        if node.scalar != nil { return scalar(node, path, s).map(Matcher.equals) }
        guard let pairs = node.mapping, pairs.count == 1, let key = pairs[0].key.scalar else {
            s.error(
                "bad-matcher", "a matcher is a value or a map with one of: \(matcherKeys.joined(separator: ", "))",
                at: node)
            return nil
        }
        let v = pairs[0].value
        switch key {
        case "in":
            let items = s.oneOrMany(v).compactMap { scalar($0, path, s) }
            return .oneOf(items)
        case "prefix":
            let items = s.oneOrMany(v).compactMap { n -> String? in
                guard let t = s.string(n, "prefix") else { return nil }
                if path.isHS {
                    guard let d = HSCode.normalize(t) else {
                        s.error("bad-hs-code", "HS prefix `\(t)` must be 2 to 10 digits", at: n)
                        return nil
                    }
                    return d
                }
                return t
            }
            return .prefix(items)
        case "contains": return scalar(v, path, s).map(Matcher.contains)
        case "gt", "gte": return s.double(v, key, min: nil).map { .greater($0, orEqual: key == "gte") }
        case "lt", "lte": return s.double(v, key, min: nil).map { .less($0, orEqual: key == "lte") }
        case "exists": return s.bool(v, "exists").map(Matcher.exists)
        default:
            s.error(
                "unknown-matcher", "unknown matcher `\(key)`", at: pairs[0].key,
                help: DidYouMean.help(key, among: matcherKeys))
            return nil
        }
    }

    private static func scalar(_ node: YAMLNode, _ path: FieldPath, _ s: Schema) -> Scalar? {
        guard case .scalar(let text, let plain) = node.content, !node.isNull else {
            s.error("wrong-type", "expected a value, found \(node.kindName)", at: node)
            return nil
        }
        if path.isHS {
            guard let d = HSCode.normalize(text) else {
                s.error("bad-hs-code", "HS code `\(text)` must be 2 to 10 digits", at: node)
                return nil
            }
            return .text(d)
        }
        if plain && (text == "true" || text == "false") { return .bool(text == "true") }
        if plain, let n = Double(text) { return .number(n) }
        return .text(text)
    }
}

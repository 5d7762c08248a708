import TransitCore

/// The keys of one mapping, checked against the keys its schema allows.
/// A handful of keys at most, so a linear scan beats hashing. Accepted keys are kept with the
/// index of their pair, so that reading a mapping copies no nodes until a value is asked for.
struct Fields {
    let node: YAMLNode
    private let pairs: [(key: YAMLNode, value: YAMLNode)]
    private let accepted: [(key: String, index: Int)]

    init(node: YAMLNode, pairs: [(key: YAMLNode, value: YAMLNode)], accepted: [(key: String, index: Int)]) {
        self.node = node; self.pairs = pairs; self.accepted = accepted
    }

    private func index(of key: String) -> Int? { accepted.first { Keys.same($0.key, key) }?.index }

    subscript(key: String) -> YAMLNode? { index(of: key).map { pairs[$0].value } }
    func has(_ key: String) -> Bool { index(of: key) != nil }
    func location(of key: String) -> SourceLocation { index(of: key).map { pairs[$0].key.location } ?? node.location }
}

/// Key comparison for the schema walker: keys of different lengths (most pairs compared) are
/// told apart by their byte counts before any character is compared.
enum Keys {
    @inline(__always) static func same(_ a: String, _ b: String) -> Bool { a.utf8.count == b.utf8.count && a == b }
}

/// Walks YAML nodes against a schema by hand, collecting every problem with its position:
/// unknown keys at the key (with a did-you-mean), wrong types at the value, missing keys at
/// the owner. One instance reads one file.
final class Schema {
    var diagnostics = Diagnostics()
    let file: String

    init(file: String) { self.file = file }

    func error(_ code: String, _ message: String, at node: YAMLNode, help: String? = nil) {
        diagnostics.error(code, message, at: node.location, help: help)
    }

    func error(_ code: String, _ message: String, at location: SourceLocation, help: String? = nil) {
        diagnostics.error(code, message, at: location, help: help)
    }

    /// The fields of a mapping; nil (with an error) if the node is not one.
    func fields(
        _ node: YAMLNode, _ what: @autoclosure () -> String, allowed: [String], required: [String] = []
    ) -> Fields? {
        guard let pairs = node.mapping else {
            error("wrong-type", "\(what()) must be a mapping, found \(node.kindName)", at: node)
            return nil
        }
        var accepted: [(key: String, index: Int)] = []
        accepted.reserveCapacity(pairs.count)
        for i in pairs.indices {
            guard let key = pairs[i].key.scalar else {
                error("wrong-type", "keys of \(what()) must be text", at: pairs[i].key); continue
            }
            if accepted.contains(where: { Keys.same($0.key, key) }) {
                error("duplicate-key", "key `\(key)` appears twice in \(what())", at: pairs[i].key)
                continue
            }
            if !allowed.contains(where: { Keys.same($0, key) }) {
                error(
                    "unknown-key", "unknown key `\(key)` in \(what())", at: pairs[i].key,
                    help: DidYouMean.help(key, among: allowed))
                continue
            }
            accepted.append((key, i))
        }
        let fields = Fields(node: node, pairs: pairs, accepted: accepted)
        for key in required {
            guard let value = fields[key] else {
                error("missing-key", "\(what()) needs `\(key)`", at: node)
                continue
            }
            if value.isNull && key != "dangerous" {
                error("missing-value", "`\(key)` of \(what()) is empty", at: value)
            }
        }
        return fields
    }

    // MARK: - Scalars

    func string(_ node: YAMLNode?, _ what: @autoclosure () -> String) -> String? {
        guard let node else { return nil }
        guard let s = node.scalar else {
            if !node.isNull { error("wrong-type", "\(what()) must be text, found \(node.kindName)", at: node) }
            return nil
        }
        return s
    }

    func identifier(_ node: YAMLNode?, _ what: @autoclosure () -> String) -> String? {
        guard let node, let s = string(node, what()) else { return nil }
        guard Identifier.isKebab(s) else {
            error("bad-identifier", "\(what()) `\(s)` must be lower-kebab-case (a-z, 0-9 and single hyphens)", at: node)
            return nil
        }
        return s
    }

    /// The largest figure any file may give where no tighter bound is named: a billion (USD,
    /// kilograms, hours). Larger figures are typing slips that would only overflow arithmetic.
    static let maxFigure = 1e9
    /// The largest whole number (units, line numbers) any file may give.
    static let maxCount = 1_000_000

    func double(
        _ node: YAMLNode?, _ what: @autoclosure () -> String, min: Double? = 0, max: Double = Schema.maxFigure
    ) -> Double? {
        guard let node, let s = string(node, what()) else { return nil }
        guard case .scalar(_, true) = node.content, let v = Schema.wholeNumber(s) ?? Double(s), v.isFinite else {
            error("wrong-type", "\(what()) must be a number, found `\(s)`", at: node)
            return nil
        }
        if let min, v < min {
            error("out-of-range", "\(what()) must not be less than \(Scalar.number(min)), found \(s)", at: node)
            return nil
        }
        if v > max {
            error("out-of-range", "\(what()) must not be more than \(Scalar.number(max)), found \(s)", at: node)
            return nil
        }
        return v
    }

    /// The value of text of one to fifteen ASCII digits, the usual figure in a manifest, read
    /// without the C library's parser: such a number is exactly a `Double`, so it is the value
    /// `Double(_:)` gives. Nil for any other text, which `Double(_:)` then reads.
    static func wholeNumber(_ s: String) -> Double? {
        let u = s.utf8
        guard !u.isEmpty, u.count <= 15 else { return nil }
        var v = 0
        for b in u {
            guard b >= 48 && b <= 57 else { return nil }
            v = v * 10 + Int(b - 48)
        }
        return Double(v)
    }

    func int(_ node: YAMLNode?, _ what: @autoclosure () -> String, min: Int? = 0, max: Int = Schema.maxCount) -> Int? {
        guard let node, let s = string(node, what()) else { return nil }
        guard case .scalar(_, true) = node.content, let v = Int(s) else {
            error("wrong-type", "\(what()) must be a whole number, found `\(s)`", at: node)
            return nil
        }
        if let min, v < min {
            error("out-of-range", "\(what()) must not be less than \(min), found \(v)", at: node)
            return nil
        }
        if v > max {
            error("out-of-range", "\(what()) must not be more than \(max), found \(v)", at: node)
            return nil
        }
        return v
    }

    func bool(_ node: YAMLNode?, _ what: @autoclosure () -> String) -> Bool? {
        guard let node, let s = string(node, what()) else { return nil }
        guard case .scalar(_, true) = node.content, s == "true" || s == "false" else {
            error(
                "wrong-type", "\(what()) must be true or false, found `\(s)`", at: node,
                help: ["yes", "no", "on", "off", "True", "False"].contains(s)
                    ? "only `true` and `false` are booleans" : nil)
            return nil
        }
        return s == "true"
    }

    func day(_ node: YAMLNode?, _ what: @autoclosure () -> String) -> Day? {
        guard let node, let s = string(node, what()) else { return nil }
        guard let d = Day(iso: s) else {
            error("bad-date", "\(what()) `\(s)` is not a real date in the form YYYY-MM-DD", at: node)
            return nil
        }
        return d
    }

    func country(_ node: YAMLNode?, _ what: @autoclosure () -> String) -> String? {
        guard let node, let s = string(node, what()) else { return nil }
        guard CountryCode.isValid(s) else {
            error(
                "bad-country", "\(what()) `\(s)` is not an ISO 3166-1 alpha-2 country code", at: node,
                help: CountryCode.suggestion(for: s).map { "did you mean `\($0)`?" })
            return nil
        }
        return s
    }

    /// An HS code as digits only: 2 to 10 digits, dots allowed between them.
    func hs(_ node: YAMLNode?, _ what: @autoclosure () -> String) -> String? {
        guard let node, let s = string(node, what()) else { return nil }
        guard let digits = HSCode.normalize(s) else {
            error(
                "bad-hs-code", "\(what()) `\(s)` is not an HS code (2 to 10 digits, dots allowed, e.g. \"0701.90\")",
                at: node)
            return nil
        }
        return digits
    }

    func choice<T: RawRepresentable & CaseIterable>(
        _ node: YAMLNode?, _ what: @autoclosure () -> String, _ type: T.Type
    ) -> T? where T.RawValue == String {
        guard let node, let s = string(node, what()) else { return nil }
        guard let v = T(rawValue: s) else {
            let names = T.allCases.map(\.rawValue)
            error(
                "bad-value", "\(what()) `\(s)` is not one of: \(names.joined(separator: ", "))", at: node,
                help: DidYouMean.help(s, among: names))
            return nil
        }
        return v
    }

    /// `{p50, p90}`, or a single number meaning both.
    func p5090(_ node: YAMLNode?, _ what: @autoclosure () -> String) -> P5090? {
        guard let node else { return nil }
        if node.scalar != nil { return double(node, what()).map { P5090($0) } }
        guard let f = fields(node, what(), allowed: ["p50", "p90"], required: ["p50", "p90"]),
            let p50 = double(f["p50"], "\(what()).p50"), let p90 = double(f["p90"], "\(what()).p90")
        else { return nil }
        guard p90 >= p50 else {
            error(
                "out-of-range", "\(what()).p90 (\(Scalar.number(p90))) must not be below p50 (\(Scalar.number(p50)))",
                at: f["p90"]!)
            return nil
        }
        return P5090(p50: p50, p90: p90)
    }

    func sequence(_ node: YAMLNode?, _ what: @autoclosure () -> String) -> [YAMLNode]? {
        guard let node else { return nil }
        guard let items = node.sequence else {
            if !node.isNull { error("wrong-type", "\(what()) must be a list, found \(node.kindName)", at: node) }
            return nil
        }
        return items
    }

    /// A list, or a single item standing for a list of one.
    func oneOrMany(_ node: YAMLNode?) -> [YAMLNode] {
        guard let node else { return [] }
        return node.sequence ?? [node]
    }

    /// `{from, until}` dates, either optional.
    func dayRange(_ node: YAMLNode?, _ what: @autoclosure () -> String) -> DayRange? {
        guard let node, let f = fields(node, what(), allowed: ["from", "until"]) else { return nil }
        let range = DayRange(from: day(f["from"], "\(what()).from"), until: day(f["until"], "\(what()).until"))
        if range.isEmpty { error("empty-range", "\(what()) ends before it starts", at: node) }
        return range
    }

    /// `{from: "MM-DD", until: "MM-DD"}`, a range of days that recurs every year.
    func yearlyRange(_ node: YAMLNode, _ what: @autoclosure () -> String) -> YearlyRange? {
        guard let f = fields(node, what(), allowed: ["from", "until"], required: ["from", "until"]) else { return nil }
        func monthDay(_ key: String) -> MonthDay? {
            guard let n = f[key], let text = string(n, "\(what()).\(key)") else { return nil }
            guard let md = MonthDay(text: text) else {
                error("bad-date", "\(what()).\(key) `\(text)` is not a month and day in the form MM-DD", at: n)
                return nil
            }
            return md
        }
        guard let from = monthDay("from"), let until = monthDay("until") else { return nil }
        return YearlyRange(from: from, until: until)
    }

    /// Whether `s` has anything but spaces and tabs: what is left after trimming Foundation's
    /// `.whitespaces` (the space separators, Unicode category Zs, and the tab), found without
    /// Foundation, whose first trim costs a rule load more than all its sources.
    static func hasText(_ s: String) -> Bool {
        s.unicodeScalars.contains { $0 != "\t" && $0.properties.generalCategory != .spaceSeparator }
    }

    func source(_ f: Fields, _ what: @autoclosure () -> String) -> String {
        if let s = string(f["source"], "\(what()).source"), Schema.hasText(s) { return s }
        if !f.has("source") {
            error(
                "missing-source", "\(what()) has no `source`; every rule, figure and membership needs one", at: f.node)
        }
        return ""
    }
}

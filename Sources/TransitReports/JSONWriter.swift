/// Writes JSON straight into bytes, in the same layout as `JSONValue.pretty`/`compact`, without
/// building a tree first: the batch writes one report per manifest, so this path is hot.
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    private let indent: Int?
    /// For each open container: whether it has an element yet.
    private var open: [Bool] = []
    private var afterKey = false

    public init(pretty: Bool, capacity: Int = 8192) {
        indent = pretty ? 2 : nil
        bytes.reserveCapacity(capacity)
    }

    public var text: String { String(decoding: bytes, as: UTF8.self) }

    private mutating func beginValue() {
        if afterKey { afterKey = false; return }
        guard !open.isEmpty else { return }
        if open[open.count - 1] { bytes.append(UInt8(ascii: ",")) }
        open[open.count - 1] = true
        newline(open.count)
    }

    private mutating func newline(_ level: Int) {
        guard let indent else { return }
        bytes.append(10)
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * level))
    }

    public mutating func key(_ k: String) {
        beginValue()
        JSONValue.escape(k, into: &bytes)
        bytes.append(UInt8(ascii: ":"))
        if indent != nil { bytes.append(UInt8(ascii: " ")) }
        afterKey = true
    }

    public mutating func object(_ body: (inout JSONWriter) -> Void) { container("{", "}", body) }
    public mutating func array(_ body: (inout JSONWriter) -> Void) { container("[", "]", body) }

    private mutating func container(_ start: Unicode.Scalar, _ end: Unicode.Scalar, _ body: (inout JSONWriter) -> Void) {
        beginValue()
        bytes.append(UInt8(ascii: start))
        open.append(false)
        body(&self)
        let hadElements = open.removeLast()
        if hadElements { newline(open.count) }
        bytes.append(UInt8(ascii: end))
    }

    public mutating func string(_ s: String) { beginValue(); JSONValue.escape(s, into: &bytes) }
    public mutating func number(_ v: Double, decimals: Int) { beginValue(); bytes += JSONValue.format(v, decimals: decimals).utf8 }
    public mutating func int(_ v: Int) { beginValue(); bytes += String(v).utf8 }
    public mutating func null() { beginValue(); bytes += "null".utf8 }
    public mutating func value(_ v: JSONValue) { beginValue(); v.write(to: &bytes, indent: indent, level: open.count) }

    public mutating func field(_ k: String, _ s: String) { key(k); string(s) }
    public mutating func field(_ k: String, _ s: String?) { key(k); if let s { string(s) } else { null() } }
    public mutating func field(_ k: String, _ v: Double, decimals: Int) { key(k); number(v, decimals: decimals) }
    public mutating func field(_ k: String, _ v: Int) { key(k); int(v) }
}

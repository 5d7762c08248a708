/// Writes JSON straight into bytes, in the same layout as `JSONValue.pretty`/`compact`, without
/// building a tree first: the batch writes one report per manifest, so this path is hot.
public struct JSONWriter {
    private var sink: ByteSink
    /// The bytes written so far.
    public var bytes: [UInt8] { sink.bytes }
    /// The bytes written so far and a newline: one line of JSON Lines.
    public var line: [UInt8] { sink.bytes(appending: 10) }
    private let indent: Int?
    /// How many containers are open, and for each (one bit a level) whether it has an element yet.
    private var depth = 0
    private var hasElements: UInt64 = 0
    private var afterKey = false

    public init(pretty: Bool, capacity: Int = 8192) {
        indent = pretty ? 2 : nil
        sink = ByteSink(capacity: capacity)
    }

    public var text: String { String(decoding: bytes, as: UTF8.self) }

    @inline(__always) private mutating func beginValue() {
        if afterKey { afterKey = false; return }
        guard depth > 0 else { return }
        let bit: UInt64 = 1 &<< UInt64(depth - 1)
        if hasElements & bit != 0 { sink.append(UInt8(ascii: ",")) }
        hasElements |= bit
        if indent != nil { newline(depth) }
    }

    private mutating func newline(_ level: Int) {
        guard let indent else { return }
        sink.append(10)
        sink.append(UInt8(ascii: " "), times: indent * level)
    }

    /// Keys are literals in the code, so they are written as they are, quoted but not escaped.
    @inline(__always) public mutating func key(_ k: StaticString) {
        beginValue()
        sink.append(UInt8(ascii: "\""))
        k.withUTF8Buffer { sink.append(bytes: $0) }
        sink.append(UInt8(ascii: "\""))
        sink.append(UInt8(ascii: ":"))
        if indent != nil { sink.append(UInt8(ascii: " ")) }
        afterKey = true
    }

    @inline(__always) public mutating func object(_ body: (inout JSONWriter) -> Void) { container("{", "}", body) }
    @inline(__always) public mutating func array(_ body: (inout JSONWriter) -> Void) { container("[", "]", body) }

    @inline(__always) private mutating func container(
        _ start: Unicode.Scalar, _ end: Unicode.Scalar, _ body: (inout JSONWriter) -> Void
    ) {
        beginValue()
        sink.append(UInt8(ascii: start))
        precondition(depth < 64, "JSON nested more than 64 levels")
        depth += 1
        let bit: UInt64 = 1 &<< UInt64(depth - 1)
        hasElements &= ~bit
        body(&self)
        let hadElements = hasElements & bit != 0
        depth -= 1
        if hadElements && indent != nil { newline(depth) }
        sink.append(UInt8(ascii: end))
    }

    @inline(__always) public mutating func string(_ s: String) { beginValue(); JSONValue.escape(s, into: &sink) }
    @inline(__always) public mutating func number(_ v: Double, decimals: Int) {
        beginValue(); JSONValue.format(v, decimals: decimals, into: &sink)
    }
    /// Writes `null` as the next value.
    @inline(__always) public mutating func int(_ v: Int) { beginValue(); sink.append(text: String(v)) }
    public mutating func null() { beginValue(); sink.append("null") }
    /// Writes a ready-made value as the next value.
    public mutating func value(_ v: JSONValue) { beginValue(); v.write(to: &sink, indent: indent, level: depth) }

    /// `"k": {"p50": …, "p90": …}`, the shape of every estimate figure. A report has dozens, so
    /// the compact form is written in one go rather than key by key.
    public mutating func quantiles(_ k: StaticString, p50: Double, p90: Double, decimals: Int) {
        key(k)
        guard indent == nil else {
            object { w in
                w.field("p50", p50, decimals: decimals); w.field("p90", p90, decimals: decimals)
            }
            return
        }
        afterKey = false
        sink.append("{\"p50\":")
        JSONValue.format(p50, decimals: decimals, into: &sink)
        sink.append(",\"p90\":")
        JSONValue.format(p90, decimals: decimals, into: &sink)
        sink.append(UInt8(ascii: "}"))
    }

    @inline(__always) public mutating func field(_ k: StaticString, _ s: String) { key(k); string(s) }
    @inline(__always) public mutating func field(_ k: StaticString, _ s: String?) {
        key(k); if let s { string(s) } else { null() }
    }
    @inline(__always) public mutating func field(_ k: StaticString, _ v: Double, decimals: Int) {
        key(k); number(v, decimals: decimals)
    }
    @inline(__always) public mutating func field(_ k: StaticString, _ v: Int) { key(k); int(v) }
}

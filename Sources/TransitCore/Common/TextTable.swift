/// A fixed set of texts, each with its number, found faster than in a `Set<String>` or a
/// `Dictionary<String, Int>`: a text is hashed with FNV-1a over its UTF-8 bytes (a few
/// instructions a byte, where the standard library's seeded SipHash costs hundreds a text)
/// into an open-addressed table built once. For the ids that every manifest looks up, each
/// once per document or field: document types, places, corridors and regimes.
///
/// A text is found exactly where `String ==` finds it: where the text sought or any text of the
/// table is not plain ASCII (a Unicode-equivalent spelling), it is compared with each in turn.
public struct TextTable: Sendable {
    /// The texts in the order given, each number its position here.
    public let texts: [String]
    /// For each slot, the position in `texts` of the text hashed there plus one; 0 is empty.
    private let slots: [Int32]
    private let mask: Int
    /// Whether every text is plain ASCII, so that equal texts have equal bytes.
    private let allASCII: Bool

    /// The table of `texts`, numbered by position; a text given twice keeps its first number.
    public init<Texts: Sequence<String>>(_ texts: Texts) {
        self.texts = Array(texts)
        var size = 8
        while size < self.texts.count * 2 { size *= 2 }
        mask = size - 1
        var slots = [Int32](repeating: 0, count: size), allASCII = true
        for (n, text) in self.texts.enumerated() {
            guard var i = TextTable.hash(text) else { allASCII = false; break }
            i &= mask
            while slots[i] != 0 && self.texts[Int(slots[i]) - 1] != text { i = (i + 1) & mask }
            if slots[i] == 0 { slots[i] = Int32(n + 1) }
        }
        self.slots = slots
        self.allASCII = allASCII
    }

    /// The number of `text`, or nil when it is not in the table.
    public func number(of text: String) -> Int? {
        guard allASCII, var i = TextTable.hash(text) else { return texts.firstIndex(of: text) }
        i &= mask
        while true {
            let s = Int(slots[i])
            if s == 0 { return nil }
            if texts[s - 1] == text { return s - 1 }
            i = (i + 1) & mask
        }
    }

    public func contains(_ text: String) -> Bool { number(of: text) != nil }

    /// The number of the text that `bytes` spell in UTF-8, or nil when it is not in the table:
    /// a part of a longer text is looked up without being made into a text of its own.
    public func number(ofUTF8 bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard allASCII, var i = TextTable.fnv(bytes) else { return number(of: String(decoding: bytes, as: UTF8.self)) }
        i &= mask
        while true {
            let s = Int(slots[i])
            if s == 0 { return nil }
            // Both plain ASCII: equal bytes are equal texts.
            if TextTable.equal(texts[s - 1], bytes) { return s - 1 }
            i = (i + 1) & mask
        }
    }

    /// FNV-1a, 64 bits, over the text's UTF-8 bytes; nil for a text that is not plain ASCII.
    static func hash(_ text: String) -> Int? {
        text.utf8.withContiguousStorageIfAvailable { fnv($0) } ?? fnv(text.utf8)
    }

    /// Whether `text`'s UTF-8 is `bytes`: lengths first, then the bytes in place.
    private static func equal(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let u = text.utf8
        guard u.count == bytes.count else { return false }
        return u.withContiguousStorageIfAvailable { t in
            for i in 0..<t.count where t[i] != bytes[i] { return false }
            return true
        } ?? u.elementsEqual(bytes)
    }

    /// FNV-1a as `hash` takes it, over bytes; nil when they are not plain ASCII.
    static func fnv<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Int? {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325, high: UInt8 = 0
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3; high |= b }
        return high < 0x80 ? Int(truncatingIfNeeded: h ^ (h >> 29)) : nil
    }
}

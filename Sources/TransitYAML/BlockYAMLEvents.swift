/// The events libyaml gives, read straight from the bytes, for the plain block YAML that most
/// manifests are written in: one document whose root is a block mapping; keys of letters, digits,
/// `_` and `-`; values that are plain or quoted one-line scalars, block mappings and sequences, or
/// one-line flow mappings and sequences; comments and blank lines; lines ending in `\n` or in
/// `\r\n`. `init` returns nil at anything else (anchors, tags, block scalars, a scalar over several
/// lines, an empty value, an escape, a tab, a carriage return that does not end a line, a
/// byte-order mark, a directive or document marker, a key of 1,024 characters or more, a syntax error),
/// and the caller reads the text with libyaml instead. Where it reads the text, it gives the
/// events, texts, styles, lines and columns libyaml gives (the tests and the manifest fuzz target
/// hold the two to that), in about a sixth of the instructions libyaml takes.
package final class BlockYAMLEvents: YAMLEventSource {
    /// One event: its kind, its text's bytes (for a scalar), and its start's line and byte offset.
    struct Event {
        var kind: YAMLEvents.Kind
        var plain = true
        var start: Int32 = 0
        var count: Int32 = 0
        var mark: Int32
        var line: Int32
        var lineStart: Int32
    }

    private let input: UnsafeBufferPointer<UInt8>
    private let events: [Event]
    /// Whether any byte is beyond ASCII, so that a column must count characters, not bytes.
    private let wide: Bool
    private var current = -1
    private var replaying = false

    /// The events of `input` (which must outlive this reader), or nil where it is not plain block YAML.
    init?(_ input: UnsafeBufferPointer<UInt8>) {
        var scanner = Scanner(input)
        do throws(Scanner.GiveUp) {
            try scanner.document()
        } catch {
            return nil
        }
        self.input = input
        events = scanner.events
        wide = scanner.wide
    }

    func next() -> YAMLEvents.Kind? {
        if replaying {
            replaying = false
        } else {
            current += 1
        }
        return current < events.count ? events[current].kind : nil
    }

    func putBack(_ kind: YAMLEvents.Kind) { replaying = true }
    func dropPutBack() { replaying = false }

    /// The current event (the last one once they are all read).
    private var event: Event { events[min(current, events.count - 1)] }

    var line: Int { Int(event.line) + 1 }

    var column: Int {
        let event = event
        guard wide else { return Int(event.mark - event.lineStart) + 1 }
        // libyaml counts characters: every byte but a UTF-8 continuation byte starts one.
        var count = 1
        for i in Int(event.lineStart)..<Int(event.mark) where input[i] & 0xC0 != 0x80 { count += 1 }
        return count
    }

    var bytes: UnsafeBufferPointer<UInt8> {
        let event = event
        return UnsafeBufferPointer(rebasing: input[Int(event.start)..<Int(event.start + event.count)])
    }

    var isPlain: Bool { event.plain }
}

extension BlockYAMLEvents {
    /// One pass over the bytes that records the events, or gives up.
    fileprivate struct Scanner {
        struct GiveUp: Error {}

        let b: UnsafeBufferPointer<UInt8>
        var i = 0
        var line: Int32 = 0
        var lineStart = 0
        var events: [Event] = []
        var wide = false
        /// The indentation of the content line the scanner stands on, or nil past the last one.
        var indent: Int?
        /// How deep the containers go; past `maxDepth`, libyaml's reader (and its limit) decides.
        var depth = 0
        static let maxDepth = 32

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            b = bytes
            events.reserveCapacity(256)
        }

        // MARK: Bytes

        static let space: UInt8 = 0x20, newline: UInt8 = 0x0A, hash: UInt8 = 0x23, colon: UInt8 = 0x3A
        static let carriageReturn: UInt8 = 0x0D
        static let dash: UInt8 = 0x2D, quote: UInt8 = 0x22, apostrophe: UInt8 = 0x27, comma: UInt8 = 0x2C

        var atEnd: Bool { i >= b.count }
        var byte: UInt8 { i < b.count ? b[i] : 0 }
        func byte(at j: Int) -> UInt8 { j < b.count ? b[j] : 0 }

        /// A space, a line break or the end: what ends a key or may follow `-`.
        func isBlankOrEnd(at j: Int) -> Bool {
            j >= b.count || b[j] == Self.space || isLineBreak(at: j)
        }

        /// A line break starts at `j`: `\n`, or `\r\n` as Windows writes it (libyaml reads both as
        /// one break; a `\r` alone, which it also reads as one, makes this reader give up).
        func isLineBreak(at j: Int) -> Bool {
            j < b.count && (b[j] == Self.newline || (b[j] == Self.carriageReturn && byte(at: j + 1) == Self.newline))
        }

        static func isFlowIndicator(_ c: UInt8) -> Bool {
            c == Self.comma || c == 0x5B || c == 0x5D || c == 0x7B || c == 0x7D
        }

        static func isKeyByte(_ c: UInt8) -> Bool {
            (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39) || c == 0x5F
                || c == Self.dash
        }

        mutating func emit(_ kind: YAMLEvents.Kind, mark: Int, plain: Bool = true, start: Int = 0, count: Int = 0) {
            events.append(
                Event(
                    kind: kind, plain: plain, start: Int32(start), count: Int32(count), mark: Int32(mark), line: line,
                    lineStart: Int32(lineStart)))
        }

        /// Steps over one character of a scalar: a printable ASCII byte, or a whole UTF-8 sequence
        /// for a character libyaml reads as printable and not as a line break or a byte-order mark.
        @inline(__always)
        mutating func advanceCharacter() throws(GiveUp) {
            let c = b[i]
            if c >= Self.space && c < 0x7F {
                i += 1
                return
            }
            try advanceOtherCharacter()
        }

        /// `advanceCharacter` beyond printable ASCII: a control character gives up, and a UTF-8
        /// sequence is checked whole.
        mutating func advanceOtherCharacter() throws(GiveUp) {
            let c = b[i]
            guard c >= 0x80 else { throw GiveUp() }
            wide = true
            let length: Int, low: UInt32
            var value: UInt32
            switch c {
            case 0xC2...0xDF: length = 2; value = UInt32(c & 0x1F); low = 0x80
            case 0xE0...0xEF: length = 3; value = UInt32(c & 0x0F); low = 0x800
            case 0xF0...0xF4: length = 4; value = UInt32(c & 0x07); low = 0x10000
            default: throw GiveUp()
            }
            guard i + length <= b.count else { throw GiveUp() }
            for k in 1..<length {
                let next = b[i + k]
                guard next & 0xC0 == 0x80 else { throw GiveUp() }
                value = value << 6 | UInt32(next & 0x3F)
            }
            guard value >= low, value >= 0xA0, value <= 0x10FFFF, !(0xD800...0xDFFF).contains(value),
                value != 0xFEFF, value != 0xFFFE, value != 0xFFFF, value != 0x2028, value != 0x2029
            else { throw GiveUp() }
            i += length
        }

        // MARK: Lines

        /// Steps past blank and comment lines to the first character of the next line with
        /// content, and sets `indent` to that line's indentation (nil at the end of the text).
        /// The scanner must stand at the start of a line.
        mutating func nextContentLine() throws(GiveUp) {
            while true {
                var j = i
                while j < b.count, b[j] == Self.space { j += 1 }
                guard j < b.count else {
                    i = j
                    indent = nil
                    return
                }
                if isLineBreak(at: j) {
                    newLine(at: j)
                    continue
                }
                switch b[j] {
                case Self.hash:
                    i = j
                    try skipComment()
                    if !atEnd { newLine(at: i) }
                default:
                    let column = j - i
                    i = j
                    if column == 0 {
                        // A directive, a document start or a document end: more than one document's worth.
                        let c = b[j]
                        guard c != 0x25,
                            !((c == Self.dash || c == 0x2E) && byte(at: j + 1) == c && byte(at: j + 2) == c)
                        else { throw GiveUp() }
                    }
                    indent = column
                    return
                }
            }
        }

        /// Steps over the line break at `j` (which `isLineBreak` has found).
        mutating func newLine(at j: Int) {
            i = j + (b[j] == Self.carriageReturn ? 2 : 1)
            line += 1
            lineStart = i
        }

        /// Skips a comment's text up to its line's end; its characters must be ones libyaml reads.
        mutating func skipComment() throws(GiveUp) {
            while i < b.count, !isLineBreak(at: i) { try advanceCharacter() }
        }

        /// What may follow a value on its line: spaces, then a comment after at least one space,
        /// then the line's end. Moves on to the next content line.
        mutating func endOfLine() throws(GiveUp) {
            let before = i
            while i < b.count, b[i] == Self.space { i += 1 }
            if byte == Self.hash {
                guard i > before else { throw GiveUp() }
                try skipComment()
            }
            if !atEnd {
                guard isLineBreak(at: i) else { throw GiveUp() }
                newLine(at: i)
            }
            try nextContentLine()
        }

        // MARK: Structure

        mutating func document() throws(GiveUp) {
            emit(.streamStart, mark: 0)
            emit(.documentStart, mark: 0)
            try nextContentLine()
            guard indent == 0, looksLikeKey() else { throw GiveUp() }
            try blockMapping(column: 0)
            guard indent == nil else { throw GiveUp() }
            emit(.documentEnd, mark: i)
            emit(.streamEnd, mark: i)
        }

        /// Where the key that starts here ends (at its colon), if one does: a letter, a digit or
        /// `_`, then letters, digits, `_` and `-`, then `:` and a space (or, in block context, the
        /// line's end).
        func keyEnd(flow: Bool = false) -> Int? {
            guard i < b.count, Self.isKeyByte(b[i]), b[i] != Self.dash else { return nil }
            var j = i
            while j < b.count, Self.isKeyByte(b[j]) { j += 1 }
            guard j - i < Self.maxKeyLength, byte(at: j) == Self.colon,
                flow ? byte(at: j + 1) == Self.space : isBlankOrEnd(at: j + 1)
            else { return nil }
            return j
        }

        func looksLikeKey() -> Bool { keyEnd() != nil }

        /// The key that starts here, as a scalar event; the scanner moves past its colon.
        mutating func key(flow: Bool = false) throws(GiveUp) {
            guard let end = keyEnd(flow: flow) else { throw GiveUp() }
            emit(.scalar, mark: i, start: i, count: end - i)
            i = end + 1
        }

        /// libyaml forgets a possible key whose `:` comes 1,024 characters or more after its
        /// start (and then reads the text otherwise), so a longer key is left to libyaml.
        static let maxKeyLength = 1024

        /// Whether a block sequence's entry (`-` then a space or the line's end) starts here.
        func looksLikeEntry() -> Bool { byte == Self.dash && isBlankOrEnd(at: i + 1) }

        mutating func enter() throws(GiveUp) {
            depth += 1
            guard depth <= Self.maxDepth else { throw GiveUp() }
        }

        /// A block mapping whose keys stand at `column`; the scanner stands on its first key.
        mutating func blockMapping(column: Int) throws(GiveUp) {
            try enter()
            emit(.mappingStart, mark: i)
            while true {
                try key()
                try value(after: column)
                guard let next = indent, next >= column else { break }
                guard next == column else { throw GiveUp() }
            }
            emit(.mappingEnd, mark: i)
            depth -= 1
        }

        /// A key's value, on its line or (a block mapping or sequence) on the lines below.
        mutating func value(after column: Int) throws(GiveUp) {
            let before = i
            while i < b.count, b[i] == Self.space { i += 1 }
            if atEnd || isLineBreak(at: i) || (b[i] == Self.hash && i > before) {
                i = before
                try endOfLine()
                guard let next = indent else { throw GiveUp() }  // an empty value
                if next > column {
                    if looksLikeEntry() {
                        try blockSequence(column: next, indentless: false)
                    } else {
                        try blockMapping(column: next)
                    }
                } else if next == column && looksLikeEntry() {
                    try blockSequence(column: next, indentless: true)
                } else {
                    throw GiveUp()  // an empty value
                }
                return
            }
            try inlineValue()
            try endOfLine()
            // A more indented line would continue the scalar (or be an error).
            if let next = indent, next > column { throw GiveUp() }
        }

        /// A block sequence whose `-` stand at `column`; `indentless` where it is a mapping's value
        /// at the mapping's own indentation.
        mutating func blockSequence(column: Int, indentless: Bool) throws(GiveUp) {
            try enter()
            emit(.sequenceStart, mark: i)
            while true {
                i += 1  // the dash
                guard byte == Self.space else { throw GiveUp() }  // an empty entry
                while byte == Self.space { i += 1 }
                if looksLikeKey() {
                    try blockMapping(column: i - lineStart)
                } else {
                    guard !atEnd, !isLineBreak(at: i), b[i] != Self.hash, !looksLikeEntry() else { throw GiveUp() }
                    try inlineValue()
                    try endOfLine()
                    if let next = indent, next > column { throw GiveUp() }
                }
                guard let next = indent, next >= column else { break }
                guard next == column else { throw GiveUp() }
                if !looksLikeEntry() {
                    guard indentless else { throw GiveUp() }
                    break
                }
            }
            emit(.sequenceEnd, mark: i)
            depth -= 1
        }

        // MARK: Values on one line

        /// A scalar or a flow collection, in block context.
        mutating func inlineValue() throws(GiveUp) {
            switch byte {
            case 0x7B: try flowCollection(mapping: true)
            case 0x5B: try flowCollection(mapping: false)
            default: try scalar(flow: false)
            }
        }

        /// A quoted or plain scalar. In flow context a plain scalar ends at `,`, `[`, `]`, `{`,
        /// `}` and at `: `; in block context `: ` inside it gives up (a mapping on one line).
        mutating func scalar(flow: Bool) throws(GiveUp) {
            let c = byte
            if c == Self.quote || c == Self.apostrophe {
                let mark = i
                i += 1
                let start = i
                while true {
                    guard i < b.count, b[i] != Self.newline, b[i] != 0x5C else { throw GiveUp() }  // "\" escapes
                    if b[i] == c { break }
                    try advanceCharacter()
                }
                emit(.scalar, mark: mark, plain: false, start: start, count: i - start)
                i += 1
                if c == Self.apostrophe && byte == Self.apostrophe { throw GiveUp() }  // '' is an escape
                return
            }
            // What a plain scalar cannot start with (a `-` may, before a character that is not blank).
            switch c {
            case Self.dash:
                guard !isBlankOrEnd(at: i + 1), !(flow && Self.isFlowIndicator(byte(at: i + 1))) else {
                    throw GiveUp()
                }
            case Self.hash, Self.comma, 0x5B, 0x5D, 0x7B, 0x7D, 0x26, 0x2A, 0x21, 0x7C, 0x3E, 0x25, 0x40, 0x60,
                0x3F, Self.colon, Self.space, Self.newline, Self.carriageReturn, 0:
                throw GiveUp()
            default: break
            }
            let start = i
            var end = i
            while i < b.count {
                let c = b[i]
                if c == Self.newline || (c == Self.carriageReturn && isLineBreak(at: i)) { break }
                if c == Self.space {
                    if byte(at: i + 1) == Self.hash { break }
                    i += 1
                    continue
                }
                if c == Self.colon {
                    // In flow context libyaml's versions differ on what a colon inside a scalar means.
                    if flow { break }
                    guard !isBlankOrEnd(at: i + 1) else { throw GiveUp() }
                }
                if flow && (Self.isFlowIndicator(c) || c == 0x3F) {
                    guard c != 0x3F else { throw GiveUp() }
                    break
                }
                try advanceCharacter()
                end = i
            }
            emit(.scalar, mark: start, start: start, count: end - start)
            i = end
        }

        mutating func skipSpaces() { while byte == Self.space { i += 1 } }

        /// `{ key: value, … }` (a mapping) or `[ value, … ]` on one line.
        mutating func flowCollection(mapping: Bool) throws(GiveUp) {
            let close: UInt8 = mapping ? 0x7D : 0x5D
            try enter()
            emit(mapping ? .mappingStart : .sequenceStart, mark: i)
            i += 1
            skipSpaces()
            if byte != close {
                while true {
                    if mapping {
                        try key(flow: true)
                        skipSpaces()
                    }
                    try flowValue()
                    skipSpaces()
                    guard byte == Self.comma else { break }
                    i += 1
                    skipSpaces()
                }
            }
            guard byte == close else { throw GiveUp() }
            emit(mapping ? .mappingEnd : .sequenceEnd, mark: i)
            i += 1
            depth -= 1
        }

        mutating func flowValue() throws(GiveUp) {
            switch byte {
            case 0x7B: try flowCollection(mapping: true)
            case 0x5B: try flowCollection(mapping: false)
            default:
                try scalar(flow: true)
                if byte == Self.colon { throw GiveUp() }  // a pair in a sequence, or `a: b: c`
            }
        }
    }
}

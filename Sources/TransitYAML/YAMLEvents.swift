import CYAML
import TransitCore

/// libyaml's events one at a time: the one place that drives libyaml's parser, for the tree
/// reader (`YAMLReader`) and for the manifest decoder that needs no tree. The current event's
/// text, anchor and position are valid until the next call to `next()`.
final class YAMLEvents: YAMLEventSource {
    enum Kind {
        case scalar, mappingStart, mappingEnd, sequenceStart, sequenceEnd, alias
        case streamStart, streamEnd, documentStart, documentEnd, other
    }

    /// The parser and its current event sit behind a constant pointer, so reading them needs
    /// none of the runtime exclusivity checks a class's stored `var`s would cost on every event.
    private struct State {
        var parser = yaml_parser_t()
        var event = yaml_event_t()
        var started = false
        var replay: Kind?
    }
    private let state: UnsafeMutablePointer<State>
    /// The text being parsed, to place errors libyaml gives only as a byte offset.
    private let input: UnsafeBufferPointer<UInt8>

    /// Whether libyaml's parser could be set up at all (it allocates its buffers).
    var started: Bool { state.pointee.started }

    /// Events over `buffer`, which must outlive this reader.
    init(_ buffer: UnsafeBufferPointer<UInt8>) {
        input = buffer
        state = .allocate(capacity: 1)
        state.initialize(to: State())
        state.pointee.started = yaml_parser_initialize(&state.pointee.parser) == 1
        guard state.pointee.started else { return }
        yaml_parser_set_input_string(
            &state.pointee.parser, buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!, buffer.count)
        yaml_parser_set_encoding(&state.pointee.parser, YAML_UTF8_ENCODING)
    }

    deinit {
        // A deleted (or never parsed) event is all zeros: YAML_NO_EVENT.
        if state.pointee.event.type != YAML_NO_EVENT { yaml_event_delete(&state.pointee.event) }
        if state.pointee.started { yaml_parser_delete(&state.pointee.parser) }
        state.deallocate()
    }

    /// The next event's kind (or the one `putBack` returned), or nil where the text is not
    /// well-formed YAML.
    func next() -> Kind? {
        if let kind = state.pointee.replay { state.pointee.replay = nil; return kind }
        if state.pointee.event.type != YAML_NO_EVENT { yaml_event_delete(&state.pointee.event) }
        guard state.pointee.started, yaml_parser_parse(&state.pointee.parser, &state.pointee.event) == 1 else {
            return nil
        }
        switch state.pointee.event.type {
        case YAML_SCALAR_EVENT: return .scalar
        case YAML_MAPPING_START_EVENT: return .mappingStart
        case YAML_MAPPING_END_EVENT: return .mappingEnd
        case YAML_SEQUENCE_START_EVENT: return .sequenceStart
        case YAML_SEQUENCE_END_EVENT: return .sequenceEnd
        case YAML_ALIAS_EVENT: return .alias
        case YAML_STREAM_START_EVENT: return .streamStart
        case YAML_STREAM_END_EVENT: return .streamEnd
        case YAML_DOCUMENT_START_EVENT: return .documentStart
        case YAML_DOCUMENT_END_EVENT: return .documentEnd
        default: return .other
        }
    }

    /// Makes the next `next()` return `kind` (the current event's) again: a one-event look-ahead.
    func putBack(_ kind: Kind) { state.pointee.replay = kind }

    /// Forgets an event put back, which the caller has now consumed.
    func dropPutBack() { state.pointee.replay = nil }

    /// Where the current event starts, 1-based, as `YAMLReader` reports it.
    var line: Int { Int(state.pointee.event.start_mark.line) + 1 }
    var column: Int { Int(state.pointee.event.start_mark.column) + 1 }

    /// The current scalar's text, as bytes.
    var bytes: UnsafeBufferPointer<UInt8> {
        let s = state.pointee.event.data.scalar
        return UnsafeBufferPointer(start: s.value.map { UnsafePointer($0) }, count: s.value == nil ? 0 : Int(s.length))
    }

    /// The current scalar is plain (unquoted).
    var isPlain: Bool { state.pointee.event.data.scalar.style == YAML_PLAIN_SCALAR_STYLE }

    /// The anchor (`&name`) of the current scalar or container, or the name an alias (`*name`) refers to.
    var anchor: String? {
        let data = state.pointee.event.data
        let name: UnsafeMutablePointer<yaml_char_t>?
        switch state.pointee.event.type {
        case YAML_SCALAR_EVENT: name = data.scalar.anchor
        case YAML_SEQUENCE_START_EVENT: name = data.sequence_start.anchor
        case YAML_MAPPING_START_EVENT: name = data.mapping_start.anchor
        case YAML_ALIAS_EVENT: name = data.alias.anchor
        default: name = nil
        }
        return name.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
    }

    /// Why `next()` returned nil: libyaml's problem, at the place it stopped.
    func syntaxError(file: String) -> Diagnostic {
        let parser = state.pointee.parser
        let problem = parser.problem.map { String(cString: $0) } ?? "malformed YAML"
        let context = parser.context.map { String(cString: $0) }
        if parser.error == YAML_READER_ERROR {
            // Bad UTF-8 (or a control character): libyaml gives the byte's offset, not a mark.
            let (line, column) = Self.position(ofByte: Int(parser.problem_offset), in: input)
            let byte = String(Int(parser.problem_value) & 0xFF, radix: 16, uppercase: true)
            let value = parser.problem_value >= 0 ? " (byte 0x\(byte.count < 2 ? "0" : "")\(byte))" : ""
            return Diagnostic(
                "yaml-syntax", problem + value, at: SourceLocation(file: file, line: line, column: column))
        }
        let mark = parser.problem_mark
        return Diagnostic(
            "yaml-syntax", context.map { "\(problem) \($0)" } ?? problem,
            at: SourceLocation(file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1))
    }

    /// The 1-based line and column (in characters: UTF-8 lead bytes) of the byte at `offset`.
    static func position(ofByte offset: Int, in text: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int) {
        var line = 1, column = 1
        for b in text.prefix(max(0, min(offset, text.count))) {
            if b == 10 { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
        }
        return (line, column)
    }
}

/// A mapping's key names as UTF-8 bytes, made once, so that a scalar is matched against them
/// without becoming a String.
struct KeyBytes: Sendable {
    let keys: [[UInt8]]
    init(_ names: [String]) { keys = names.map { Array($0.utf8) } }
}

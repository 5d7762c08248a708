import CYAML
import TransitCore

/// libyaml's events one at a time, for a decoder that reads a document without building a
/// tree. The current event's text and position are valid until the next call to `next()`.
final class YAMLEvents {
    enum Kind { case scalar, mappingStart, mappingEnd, sequenceStart, sequenceEnd, alias, documentStart, documentEnd, other }

    /// The parser and its current event sit behind a constant pointer, so reading them needs
    /// none of the runtime exclusivity checks a class's stored `var`s would cost on every event.
    private struct State {
        var parser = yaml_parser_t()
        var event = yaml_event_t()
        var started = false
        var replay: Kind?
    }
    private let state: UnsafeMutablePointer<State>

    /// Events over `buffer`, which must outlive this reader.
    init(_ buffer: UnsafeBufferPointer<UInt8>) {
        state = .allocate(capacity: 1)
        state.initialize(to: State())
        state.pointee.started = yaml_parser_initialize(&state.pointee.parser) == 1
        guard state.pointee.started else { return }
        yaml_parser_set_input_string(&state.pointee.parser, buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!, buffer.count)
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
        guard state.pointee.started, yaml_parser_parse(&state.pointee.parser, &state.pointee.event) == 1 else { return nil }
        switch state.pointee.event.type {
        case YAML_SCALAR_EVENT: return .scalar
        case YAML_MAPPING_START_EVENT: return .mappingStart
        case YAML_MAPPING_END_EVENT: return .mappingEnd
        case YAML_SEQUENCE_START_EVENT: return .sequenceStart
        case YAML_SEQUENCE_END_EVENT: return .sequenceEnd
        case YAML_ALIAS_EVENT: return .alias
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

    /// The current scalar's bytes are `key`'s.
    func bytesEqual(_ key: StaticString) -> Bool {
        let b = bytes
        guard key.utf8CodeUnitCount == b.count else { return false }
        return key.withUTF8Buffer { $0.elementsEqual(b) }
    }
}

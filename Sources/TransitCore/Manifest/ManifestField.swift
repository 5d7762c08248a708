/// How a manifest scalar is written (SPEC 2.1), and so which `Schema` function a decoder reads
/// it with and what a condition compares it as.
package enum ScalarForm: Sendable, Equatable {
    /// Any text.
    case text
    /// An HS code, kept as digits only ("0701.90" is "070190").
    case hs
    /// An ISO 3166-1 alpha-2 country code.
    case country
    /// A whole number of at least `min`.
    case count(min: Int)
    /// A number of at least `min` (nil: no lower bound).
    case number(min: Double?)
    /// A date, `YYYY-MM-DD`.
    case day
    /// `true` or `false`.
    case flag
}

/// A scalar as a decoder has read it, in the Swift type of its form.
package enum ScalarValue {
    case text(String)
    case count(Int)
    case number(Double)
    case day(Day)
    case flag(Bool)
}

/// A Swift type that a manifest scalar is read into, and what conditions see of it.
package protocol ManifestScalar: Sendable {
    /// The value a decoder read, if it is of this type.
    init?(scalar value: ScalarValue)
    /// The value as a rule condition compares it.
    var conditionValue: FieldValue { get }
}

/// A form, typed by the Swift type it is read into, so that a table entry's form and property
/// cannot disagree (`.day` only fits a `Day` property).
package struct ScalarKind<Value: ManifestScalar>: Sendable {
    package let form: ScalarForm
}

extension ScalarKind where Value == String {
    package static var text: Self { Self(form: .text) }
    package static var hs: Self { Self(form: .hs) }
    package static var country: Self { Self(form: .country) }
}

extension ScalarKind where Value == Double {
    /// A number; by default not below zero (weights, values).
    package static func number(min: Double? = 0) -> Self { Self(form: .number(min: min)) }
}

extension ScalarKind where Value == Int {
    package static func count(min: Int) -> Self { Self(form: .count(min: min)) }
}

extension ScalarKind where Value == Day {
    package static var day: Self { Self(form: .day) }
}

extension ScalarKind where Value == Bool {
    package static var flag: Self { Self(form: .flag) }
}

/// One scalar field of a manifest mapping (a goods line, `transport:`), described once: its key,
/// its form, the model property it fills, whether the manifest must give it, and the condition
/// path rules read it by. Both manifest decoders read the field from this entry (TransitYAML
/// reads the form with its `Schema` function), and `FieldPath`, `ConditionEvaluator` and the
/// explanations take the path and the value from it, so a new field is one entry in its model's
/// `fields` table (`GoodsLine.fields`, `Transport.fields`) and the property itself.
/// One instance per field, made once in its table: two entries are the same field if they are
/// the same instance.
public final class ManifestField<Model>: Hashable, Sendable {
    /// The key as a manifest writes it (`best_before`).
    package let key: String
    /// How the value is written.
    package let form: ScalarForm
    /// A manifest without the key (or with it null) does not load.
    package let required: Bool
    /// The path a rule condition reads it by (`goods.best_before`), or nil if rules cannot.
    package let path: String?
    /// Stores a value read as `form` into the model; nil (a value the decoder rejected, or
    /// null) leaves a required or defaulted property as it is and empties an optional one.
    package let store: @Sendable (_ into: inout Model, _ value: ScalarValue?) -> Void
    /// The value as a condition sees it; nil when the manifest does not give it.
    let value: @Sendable (Model) -> FieldValue?

    /// A field whose property always has a value (required, or with a default).
    package init<Value>(
        _ key: String, _ kind: ScalarKind<Value>, _ property: WritableKeyPath<Model, Value> & Sendable,
        required: Bool = false, path: String? = nil
    ) {
        self.key = key; self.form = kind.form; self.required = required; self.path = path
        store = { model, value in if let value, let v = Value(scalar: value) { model[keyPath: property] = v } }
        self.value = { $0[keyPath: property].conditionValue }
    }

    /// A field whose property is nil when the manifest does not give it.
    package init<Value>(
        _ key: String, _ kind: ScalarKind<Value>, _ property: WritableKeyPath<Model, Value?> & Sendable,
        path: String? = nil
    ) {
        self.key = key; self.form = kind.form; self.required = false; self.path = path
        store = { model, value in model[keyPath: property] = value.flatMap(Value.init(scalar:)) }
        self.value = { $0[keyPath: property]?.conditionValue }
    }

    /// A field is equal only to itself: each is one entry of its table.
    public static func == (a: ManifestField, b: ManifestField) -> Bool { a === b }
    /// Hashes the entry's identity, as `==` compares it.
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}

extension String: ManifestScalar {
    package init?(scalar value: ScalarValue) {
        guard case .text(let t) = value else { return nil }
        self = t
    }
    package var conditionValue: FieldValue { .text(self) }
}

extension Double: ManifestScalar {
    package init?(scalar value: ScalarValue) {
        guard case .number(let n) = value else { return nil }
        self = n
    }
    package var conditionValue: FieldValue { .number(self) }
}

extension Int: ManifestScalar {
    package init?(scalar value: ScalarValue) {
        guard case .count(let n) = value else { return nil }
        self = n
    }
    package var conditionValue: FieldValue { .number(Double(self)) }
}

extension Day: ManifestScalar {
    package init?(scalar value: ScalarValue) {
        guard case .day(let d) = value else { return nil }
        self = d
    }
    /// A date compares as its `YYYY-MM-DD` text.
    package var conditionValue: FieldValue { .text(description) }
}

extension Bool: ManifestScalar {
    package init?(scalar value: ScalarValue) {
        guard case .flag(let b) = value else { return nil }
        self = b
    }
    package var conditionValue: FieldValue { .bool(self) }
}

extension String {
    /// This text padded with spaces on the right to `width` characters, for text columns.
    public func padded(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
    /// This text padded with spaces on the left to `width` characters, for numbers in columns.
    public func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}

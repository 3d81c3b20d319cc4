/// Powers of ten as `Int128`, so scaling never recomputes them on the hot path.
@usableFromInline
enum Powers {
    @usableFromInline
    static let ofTen: [Int128] = {
        var values: [Int128] = [1]
        for _ in 1...36 { values.append(values[values.count - 1] * 10) }
        return values
    }()

    /// Ten to the `exponent` (0...36).
    @inlinable
    static func ten(_ exponent: Int) -> Int128 { ofTen[exponent] }
}

extension Int128 {
    /// This value as `Int64` if it fits.
    @inlinable
    var exactInt64: Int64? {
        (self >= Int128(Int64.min) && self <= Int128(Int64.max)) ? Int64(self) : nil
    }
}

// Issue 13: the report said "✗ 0.58 min over" for 95 s against < 1 min and "€4.5 over"; the
// diff "+€1.1". AmountText writes amounts as a person says them, for both.

import JourneySemantics
import JourneySyntax
import Testing

@Suite struct AmountTextTests {
    @Test func timesInTheUnitThatFits() {
        #expect(AmountText.amount(35.0 / 60, unit: .minutes) == "35 s")
        #expect(AmountText.amount(0.5, unit: .days) == "12 h")
        #expect(AmountText.amount(0.4, unit: .days) == "9.6 h")
        #expect(AmountText.amount(4.2, unit: .minutes) == "4.2 min")
        #expect(AmountText.amount(27, unit: .hours) == "27 h")
        #expect(AmountText.amount(12, unit: .days) == "12 d")
        #expect(AmountText.amount(1, unit: .days) == "1 d")
        #expect(AmountText.amount(36, unit: .hours) == "36 h")
        #expect(AmountText.amount(90, unit: .seconds) == "1.5 min")
        #expect(AmountText.amount(-2.2, unit: .minutes, signed: true) == "-2.2 min")
    }

    @Test func moneyWithItsMinorUnit() {
        #expect(AmountText.amount(4.5, unit: .currency("€")) == "€4.50")
        #expect(AmountText.amount(1.1, unit: .currency("€"), signed: true) == "+€1.10")
        #expect(AmountText.amount(-12, unit: .currency("€"), signed: true) == "-€12")
        #expect(AmountText.amount(7000, unit: .currency("EUR")) == "7000 EUR")
        #expect(AmountText.amount(300.4, unit: .currency("JPY")) == "300 JPY")
        #expect(AmountText.amount(200_000, unit: .currency("€")) == "€200k")
        #expect(AmountText.amount(1_250_000, unit: .currency("$"), signed: true) == "+$1.25M")
    }

    @Test func pointsPlainNumbersAndZero() {
        #expect(AmountText.amount(1.6, unit: .percent) == "1.6 pp")
        #expect(AmountText.amount(300_000, unit: .plain) == "300k")
        #expect(AmountText.amount(1600, unit: .plain) == "1600")
        #expect(AmountText.amount(0, unit: .percent, signed: true) == "0 pp")
        #expect(AmountText.amount(0.8, unit: .score) == "0.8 score")
        #expect(AmountText.amount(60, unit: .count) == "60 count")
    }
}

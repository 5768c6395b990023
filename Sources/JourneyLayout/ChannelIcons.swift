// ChannelIcons: one pictogram per built-in channel, drawn as vector strokes in a 16×16
// box, so they are crisp at any scale and in every format. One table, no branches elsewhere.

import JourneySemantics

public enum ChannelIcons {
    /// The pictogram for a channel, in a 16×16 box at the origin (stroke it, width ≈ 1.4).
    public static func icon(for channel: Channel?) -> Path {
        guard let channel else { return generic }
        switch channel {
        case .custom: return generic
        case .builtin(let b): return table[b] ?? generic
        }
    }

    static let table: [BuiltinChannel: Path] = [
        .web: {  // globe
            var p = Path()
            p.circle(8, 8, 6.5)
            p.move(1.5, 8); p.line(14.5, 8)
            p.move(8, 1.5); p.curve(Point(4.5, 4.5), Point(4.5, 11.5), Point(8, 14.5))
            p.move(8, 1.5); p.curve(Point(11.5, 4.5), Point(11.5, 11.5), Point(8, 14.5))
            return p
        }(),
        .mobileApp: {  // phone with a screen and a home dot
            var p = Path()
            p.rect(Rect(4, 1, 8, 14))
            p.move(4, 12); p.line(12, 12)
            p.move(7, 13.5); p.line(9, 13.5)
            return p
        }(),
        .email: {  // envelope
            var p = Path()
            p.rect(Rect(1.5, 3.5, 13, 9))
            p.move(1.5, 3.5); p.line(8, 9); p.line(14.5, 3.5)
            return p
        }(),
        .sms: {  // speech bubble with text lines
            var p = Path()
            p.move(2, 2.5); p.line(14, 2.5); p.line(14, 10.5); p.line(7, 10.5); p.line(4, 13.5); p.line(4, 10.5)
            p.line(2, 10.5); p.close()
            p.move(4.5, 5.5); p.line(11.5, 5.5)
            p.move(4.5, 8); p.line(9.5, 8)
            return p
        }(),
        .phone: {  // handset
            var p = Path()
            p.move(3, 2.5); p.line(6, 2.5); p.line(7, 5.5); p.line(5.5, 7)
            p.curve(Point(6.5, 9), Point(7.5, 10), Point(9.5, 10.5))
            p.line(11, 9); p.line(14, 10); p.line(14, 13); p.curve(Point(7.5, 13.5), Point(2.5, 8.5), Point(3, 2.5))
            p.close()
            return p
        }(),
        .chat: {  // two bubbles
            var p = Path()
            p.move(1.5, 2); p.line(10, 2); p.line(10, 8); p.line(5, 8); p.line(3, 10); p.line(3, 8); p.line(1.5, 8); p.close()
            p.move(12, 5.5); p.line(14.5, 5.5); p.line(14.5, 11.5); p.line(13, 11.5); p.line(13, 13.5); p.line(11, 11.5)
            p.line(6.5, 11.5); p.line(6.5, 10)
            return p
        }(),
        .social: {  // three connected nodes
            var p = Path()
            p.circle(4, 8, 2); p.circle(12, 3.5, 2); p.circle(12, 12.5, 2)
            p.move(5.8, 7); p.line(10.2, 4.5)
            p.move(5.8, 9); p.line(10.2, 11.5)
            return p
        }(),
        .search: {  // magnifier
            var p = Path()
            p.circle(6.5, 6.5, 4.5)
            p.move(9.8, 9.8); p.line(14.5, 14.5)
            return p
        }(),
        .ad: {  // megaphone
            var p = Path()
            p.move(2, 6); p.line(6, 6); p.line(13, 2.5); p.line(13, 13.5); p.line(6, 10); p.line(2, 10); p.close()
            p.move(5, 10); p.line(6.5, 14); p.line(8.5, 14); p.line(7.5, 10.8)
            return p
        }(),
        .store: {  // storefront with awning and door
            var p = Path()
            p.move(1.5, 6); p.line(3, 2); p.line(13, 2); p.line(14.5, 6); p.close()
            p.move(2.5, 6); p.line(2.5, 14); p.line(13.5, 14); p.line(13.5, 6)
            p.move(6.5, 14); p.line(6.5, 9.5); p.line(9.5, 9.5); p.line(9.5, 14)
            return p
        }(),
        .mail: {  // letter box with a flag
            var p = Path()
            p.move(2, 14); p.line(2, 7); p.curve(Point(2, 3), Point(9, 3), Point(9, 7)); p.line(9, 14); p.close()
            p.move(9, 7); p.line(14, 7); p.line(14, 14); p.line(9, 14)
            p.move(11.5, 7); p.line(11.5, 2.5); p.line(14, 2.5); p.line(14, 4.5); p.line(11.5, 4.5)
            return p
        }(),
        .event: {  // calendar
            var p = Path()
            p.rect(Rect(1.5, 3, 13, 11.5))
            p.move(1.5, 6.5); p.line(14.5, 6.5)
            p.move(5, 1.5); p.line(5, 4.5)
            p.move(11, 1.5); p.line(11, 4.5)
            p.rect(Rect(4, 9, 2.5, 2.5))
            return p
        }(),
        .partner: {  // two overlapping circles
            var p = Path()
            p.circle(6, 8, 4.5); p.circle(10, 8, 4.5)
            return p
        }(),
        .other: {  // three dots in a ring
            var p = Path()
            p.circle(8, 8, 6.5)
            p.circle(5, 8, 0.8); p.circle(8, 8, 0.8); p.circle(11, 8, 0.8)
            return p
        }(),
    ]

    /// Custom channels: a diamond.
    static let generic: Path = {
        var p = Path()
        p.move(8, 1.5); p.line(14.5, 8); p.line(8, 14.5); p.line(1.5, 8); p.close()
        p.circle(8, 8, 1.5)
        return p
    }()
}

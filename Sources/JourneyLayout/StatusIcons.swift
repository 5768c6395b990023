// StatusIcons: one pictogram per opportunity status, stroked in a 16×16 box like the channel
// icons: a light bulb (idea), a calendar (planned), a half-turned clock (in progress), a check
// mark (shipped) and a cross (dropped). The word beside it carries the meaning; the icon lets a
// reader find the shipped cards of a long map at a glance, in colour or in print.

import JourneySemantics

enum StatusIcons {
    static func icon(for status: OpportunityStatus) -> Path { table[status]! }

    static let table: [OpportunityStatus: Path] = [
        .idea: {  // light bulb
            var p = Path()
            p.move(5.5, 10.5); p.curve(Point(1.5, 7.5), Point(3.5, 1.5), Point(8, 1.5))
            p.curve(Point(12.5, 1.5), Point(14.5, 7.5), Point(10.5, 10.5))
            p.line(10.5, 12); p.line(5.5, 12); p.close()
            p.move(6, 14.5); p.line(10, 14.5)
            return p
        }(),
        .planned: {  // calendar
            var p = Path()
            p.rect(Rect(2, 3, 12, 11.5))
            p.move(2, 6.5); p.line(14, 6.5)
            p.move(5, 1.5); p.line(5, 4.5)
            p.move(11, 1.5); p.line(11, 4.5)
            return p
        }(),
        .inProgress: {  // clock, hand at a quarter past
            var p = Path()
            p.circle(8, 8, 6.5)
            p.move(8, 4); p.line(8, 8); p.line(11, 9.5)
            return p
        }(),
        .shipped: {  // check mark
            var p = Path()
            p.move(2.5, 8.5); p.line(6.5, 12.5); p.line(13.5, 3.5)
            return p
        }(),
        .dropped: {  // cross
            var p = Path()
            p.move(3.5, 3.5); p.line(12.5, 12.5)
            p.move(12.5, 3.5); p.line(3.5, 12.5)
            return p
        }(),
    ]
}

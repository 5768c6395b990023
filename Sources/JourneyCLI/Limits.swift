// Limits: how much journeyc takes on, so hostile or mistaken input gets a clear error instead of
// minutes of work and gigabytes of memory. Each limit is documented (README, "Limits") and can
// be raised with an environment variable, which the error names.

import JourneyData
import JourneyPictures
import JourneySemantics

enum Limits {
    /// The defaults, as README's "Limits" table states them (a test holds the two together).
    static let defaultInputMB = 64
    static let defaultTouchpointsDrawn = 20_000
    static let defaultFoldersWalked = 50_000
    static let defaultDataMB = DataLimits.defaultMaxMB
    static let defaultPictureMB = PictureLimits.defaultMaxMB

    /// The largest map file read, in MiB (`JOURNEYC_MAX_INPUT_MB`). A 100,000-touchpoint map
    /// written out in full is about 30 MB.
    static func inputBytes(_ io: IOContext) -> Int {
        value(io, "JOURNEYC_MAX_INPUT_MB", default: defaultInputMB) << 20
    }

    /// The largest data file a metric is bound to, in MiB (`JOURNEYC_MAX_DATA_MB`): refused by
    /// its size before it is read, and never read past the limit.
    static func dataBytes(_ io: IOContext) -> Int {
        value(io, "JOURNEYC_MAX_DATA_MB", default: defaultDataMB) << 20
    }

    /// The largest picture file a map shows, in MiB (`JOURNEYC_MAX_PICTURE_MB`): refused by its
    /// size before it is read.
    static func pictureBytes(_ io: IOContext) -> Int {
        value(io, "JOURNEYC_MAX_PICTURE_MB", default: defaultPictureMB) << 20
    }

    /// The most touchpoints drawn in one picture (`JOURNEYC_MAX_TOUCHPOINTS`). 20,000 make a
    /// 300-metre poster and draw in seconds and under a gigabyte; 100,000 took 40 s to SVG and
    /// 90 s to PDF, and 2 GB, which the README's promise (nothing valid takes minutes or
    /// gigabytes) does not allow. `journeyc check` has no such limit.
    static func touchpointsDrawn(_ io: IOContext) -> Int {
        value(io, "JOURNEYC_MAX_TOUCHPOINTS", default: defaultTouchpointsDrawn)
    }

    /// The most folders `journeyc build` opens looking for maps (`JOURNEYC_MAX_FOLDERS`), so a
    /// symlink to `/` among the maps ends in a clear error instead of minutes in `/sys`.
    static func foldersWalked(_ io: IOContext) -> Int {
        value(io, "JOURNEYC_MAX_FOLDERS", default: defaultFoldersWalked)
    }

    /// Every limit's variable, with the largest value it takes (so a shift or a sum cannot overflow).
    static let variables: [(name: String, maximum: Int)] = [
        ("JOURNEYC_MAX_DATA_MB", 1 << 30),
        ("JOURNEYC_MAX_FOLDERS", 1 << 40),
        ("JOURNEYC_MAX_INPUT_MB", 1 << 30),
        ("JOURNEYC_MAX_PICTURE_MB", 1 << 30),
        ("JOURNEYC_MAX_TOUCHPOINTS", 1 << 40),
    ]

    struct InvalidSetting: Error, CustomStringConvertible {
        var description: String
    }

    /// Throws for a limit variable that is set but is not a whole number in range: a typo must
    /// not silently leave the limit where it was.
    static func validate(_ io: IOContext) throws {
        for (name, maximum) in variables {
            guard let text = io.environment[name] else { continue }
            guard let n = Int(text), n >= 1, n <= maximum else {
                throw InvalidSetting(description: "\(name) is '\(text)'; give a whole number from 1 to \(maximum) (or unset it for the default)")
            }
        }
    }

    struct Exceeded: Error, CustomStringConvertible {
        var description: String
    }

    /// Throws when `model` (`what` in the message) has more touchpoints than journeyc draws.
    static func checkDrawable(_ model: JourneyModel, _ io: IOContext, what: String = "the map") throws {
        let count = model.stages.reduce(0) { $0 + $1.touchpoints.count }
        let limit = touchpointsDrawn(io)
        guard count <= limit else {
            throw Exceeded(description: "\(what) has \(count) touchpoints; journeyc draws at most \(limit) in one picture "
                + "(split the map, or set JOURNEYC_MAX_TOUCHPOINTS to raise the limit)")
        }
    }

    /// The variable's value; the default when unset (`validate`, run before any command, has
    /// refused values that are not whole numbers in range).
    private static func value(_ io: IOContext, _ name: String, default fallback: Int) -> Int {
        guard let text = io.environment[name], let n = Int(text), n > 0 else { return fallback }
        return min(n, variables.first { $0.name == name }?.maximum ?? n)
    }
}

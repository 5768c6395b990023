// StdioTransport: the server on standard input and output. Reads whatever has arrived (waiting
// only when nothing has), cuts it into frames, hands the batch to the server and writes its
// answers, each framed. Reading all that is ready before handling anything is what makes
// `$/cancelRequest` useful: a cancellation sent after a request, before the server got to it,
// is in the same batch. Problems with frames are logged to standard error and skipped.
// Ends at `exit` (status 0 after `shutdown`, else 1) or at the end of standard input (1).

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import JourneySyntax

public enum StdioTransport {
    public static func run(_ server: LanguageServer, input: Int32 = 0, output: Int32 = 1) -> Int32 {
        signal(SIGPIPE, SIG_IGN)
        var reader = FrameReader()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var ended = false
        while !ended {
            // Wait for something, then take everything else already there.
            var waiting = true
            repeat {
                let n = chunk.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
                if n < 0 {
                    if errno == EINTR { continue }
                    server.log("journeyc lsp: reading standard input failed (errno \(errno))")
                    ended = true
                    break
                }
                if n == 0 { ended = true; break }
                reader.append(chunk[0..<n])
                waiting = false
            } while waiting || ready(input)
            var batch: [LanguageServer.Incoming] = []
            while let item = reader.next() {
                switch item {
                case .body(let body):
                    if let message = JSONValue.parse(body) {
                        batch.append(.message(message))
                    } else {
                        batch.append(.unparseable("\(body.count) bytes that do not parse: \(String(decoding: body.prefix(80), as: UTF8.self))"))
                    }
                case .badHeader(let why):
                    server.log("journeyc lsp: \(why)")
                }
            }
            guard !batch.isEmpty else { continue }
            for message in server.handle(batch) {
                if !write(FrameReader.frame(message.serialized()), to: output) {
                    server.log("journeyc lsp: writing standard output failed")
                    return 1
                }
            }
            if let code = server.exitCode { return code }
        }
        return server.exitCode ?? 1
    }

    private static func ready(_ fd: Int32) -> Bool {
        var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&p, 1, 0) > 0 && p.revents & Int16(POLLIN | POLLHUP) != 0
    }

    private static func write(_ bytes: [UInt8], to fd: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += n
        }
        return true
    }
}

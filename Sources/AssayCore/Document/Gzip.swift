import CZlib

/// Decompresses gzip data (`.html.gz` pages) with zlib, refusing output over a size limit so
/// a small malicious file cannot fill the memory.
enum Gzip {
    static func decompress(_ input: [UInt8], limit: Int, name: String) throws -> [UInt8] {
        var stream = z_stream()
        // 15 + 16: a gzip header is expected (not raw zlib).
        guard inflateInit2_(&stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw AssayError(.unreadable, "\(name): cannot start decompressing")
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var status: Int32 = Z_OK
        try input.withUnsafeBufferPointer { source in
            stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
            stream.avail_in = UInt32(source.count)
            repeat {
                status = chunk.withUnsafeMutableBufferPointer { buffer in
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = UInt32(buffer.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                guard status == Z_OK || status == Z_STREAM_END else {
                    throw AssayError(.unreadable, "\(name): not valid gzip data")
                }
                output.append(contentsOf: chunk[0..<(chunk.count - Int(stream.avail_out))])
                if output.count > limit {
                    throw AssayError(
                        .fileTooLarge,
                        "\(name): over the \(LoadOptions.describe(bytes: limit)) limit for one document once decompressed"
                    )
                }
                if status == Z_OK, stream.avail_in == 0, stream.avail_out != 0 {
                    throw AssayError(.unreadable, "\(name): gzip data ends early")
                }
            } while status != Z_STREAM_END
        }
        return output
    }
}

import Foundation
import NIOCore

#if canImport(Glibc)
  import Glibc
  private let systemWrite = Glibc.write
#elseif canImport(Darwin)
  import Darwin
  private let systemWrite = Darwin.write
#endif

/// A file created next to a target path, written with `write(2)` and renamed into place when complete.
final class TemporaryFile {
  let path: String
  private var fd: Int32
  /// Bytes written so far, and how many of them the kernel was already asked to write back.
  private var written: Int64 = 0
  private var writebackStarted: Int64 = 0
  /// How much is written between two requests for early writeback.
  static let writebackStep: Int64 = 8 << 20

  init(beside destination: String) throws {
    let url = URL(fileURLWithPath: destination)
    let directory = url.deletingLastPathComponent().path
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
      throw BatchError.localFile(path: destination, reason: "no such directory '\(directory)'")
    }
    var template = Array("\(directory)/.\(url.lastPathComponent).part-XXXXXX".utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard fd >= 0 else { throw BatchError.localFile(path: destination, reason: String(cString: strerror(errno))) }
    self.fd = fd
    self.path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    fchmod(fd, 0o644)
  }

  /// Writes every byte of a chunk, retrying short writes.
  func write(_ buffer: ByteBuffer) throws {
    try buffer.withUnsafeReadableBytes { bytes in
      var offset = 0
      while offset < bytes.count {
        let n = systemWrite(fd, bytes.baseAddress! + offset, bytes.count - offset)
        if n < 0 {
          if errno == EINTR { continue }
          throw BatchError.localFile(path: path, reason: String(cString: strerror(errno)))
        }
        offset += n
      }
    }
    written += Int64(buffer.readableBytes)
    if written - writebackStarted >= Self.writebackStep { startWriteback() }
  }

  /// Asks the kernel to start writing what is written so far, without waiting: the disk then works while the rest
  /// arrives, and the `fsync` in `commit` has only the tail to wait for. On Linux `POSIX_FADV_DONTNEED` starts the
  /// writeback of the range's dirty pages (and drops those already clean, so a big download does not crowd the
  /// page cache).
  private func startWriteback() {
    #if os(Linux)
      _ = posix_fadvise(fd, off_t(writebackStarted), off_t(written - writebackStarted), POSIX_FADV_DONTNEED)
    #endif
    writebackStarted = written
  }

  /// Flushes and moves the file to `destination`; without `overwrite` it fails if the target exists.
  func commit(to destination: String, overwrite: Bool) throws {
    if fsync(fd) != 0 { throw BatchError.localFile(path: destination, reason: String(cString: strerror(errno))) }
    close(fd)
    fd = -1
    if overwrite {
      guard rename(path, destination) == 0 else {
        throw BatchError.localFile(path: destination, reason: String(cString: strerror(errno)))
      }
    } else {
      // link(2) refuses an existing target atomically, unlike rename(2).
      guard link(path, destination) == 0 else {
        let reason = errno == EEXIST ? "file exists (use --force to overwrite)" : String(cString: strerror(errno))
        throw BatchError.localFile(path: destination, reason: reason)
      }
      unlink(path)
    }
  }

  /// Closes and removes the temporary file.
  func discard() {
    if fd >= 0 { close(fd); fd = -1 }
    unlink(path)
  }

  deinit {
    if fd >= 0 { close(fd) }
  }
}

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

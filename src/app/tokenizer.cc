#include "app/tokenizer.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>

#include "core/data_files.h"

namespace ckyc::app {

Result<parties::Tokenizer> OpenTokenizer(const std::string& key_path) {
  if (sodium_init() < 0) return Status::Internal("libsodium failed to initialise");
  std::array<unsigned char, crypto_generichash_KEYBYTES> key{};
  auto existing = ReadFile(key_path);
  if (existing.ok()) {
    if (existing->size() != key.size()) {
      return Status::Corruption(key_path + ": token key has " + std::to_string(existing->size()) + " bytes, want " +
                                std::to_string(key.size()));
    }
    std::memcpy(key.data(), existing->data(), key.size());
  } else {
    randombytes_buf(key.data(), key.size());
    int fd = ::open(key_path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) return Status::IoError(key_path + ": cannot create token key: " + std::strerror(errno));
    const bool ok = ::write(fd, key.data(), key.size()) == static_cast<ssize_t>(key.size()) && ::fsync(fd) == 0;
    ::close(fd);
    if (!ok) return Status::IoError(key_path + ": cannot write token key");
  }
  return parties::Tokenizer([key](std::string_view number) {
    std::string digits;
    for (char c : number) {
      if (c >= '0' && c <= '9') digits.push_back(c);
    }
    if (digits.empty()) digits.assign(number);  // wallet addresses and other non-numeric identifiers
    std::array<unsigned char, 16> out{};
    crypto_generichash(out.data(), out.size(), reinterpret_cast<const unsigned char*>(digits.data()), digits.size(),
                       key.data(), key.size());
    static const char* hex = "0123456789abcdef";
    std::string token = "tok_";
    for (unsigned char b : out) {
      token.push_back(hex[b >> 4]);
      token.push_back(hex[b & 15]);
    }
    return token;
  });
}

}  // namespace ckyc::app

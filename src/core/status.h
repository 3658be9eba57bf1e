// Status and Result<T>: the one error model across module boundaries.
//
// A Status is either OK or carries a code and a message. Messages name the input that failed
// (file, line, field, value) and, where it helps, what to do about it, e.g.
//   data/accelerators.csv:12: field 'fp8': not a number: 'abc'
// Both types are [[nodiscard]]: a dropped error in a compliance engine is a dropped alert.
// Where ignoring an error is really intended, write `.IgnoreError()` so that it is greppable.
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace ckyc {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // the caller's input is malformed (exit code 2 at the CLI)
  kNotFound,         // a named thing does not exist (exit code 2 at the CLI)
  kAlreadyExists,
  kFailedPrecondition,
  kCorruption,  // stored or shipped data is inconsistent
  kIoError,
  kInternal,
};

std::string_view StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK; costs nothing
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return {}; }
  static Status InvalidArgument(std::string msg) { return {StatusCode::kInvalidArgument, std::move(msg)}; }
  static Status NotFound(std::string msg) { return {StatusCode::kNotFound, std::move(msg)}; }
  static Status AlreadyExists(std::string msg) { return {StatusCode::kAlreadyExists, std::move(msg)}; }
  static Status FailedPrecondition(std::string msg) { return {StatusCode::kFailedPrecondition, std::move(msg)}; }
  static Status Corruption(std::string msg) { return {StatusCode::kCorruption, std::move(msg)}; }
  static Status IoError(std::string msg) { return {StatusCode::kIoError, std::move(msg)}; }
  static Status Internal(std::string msg) { return {StatusCode::kInternal, std::move(msg)}; }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "<code>: <message>", for logs; user-facing output prints message() alone.
  std::string ToString() const;

  // Returns this status with `context` prepended to the message ("context: message").
  Status WithContext(std::string_view context) const;

  // Explicitly discards the status. Greppable on purpose.
  void IgnoreError() const {}

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// Result<T> holds a T or a non-OK Status. Accessing value() of an error is a programming error
// (asserted in debug builds).
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::move(value)) {}        // NOLINT(google-explicit-constructor)
  Result(Status status) : data_(std::move(status)) {  // NOLINT(google-explicit-constructor)
    assert(!std::get<Status>(data_).ok() && "Result constructed from an OK status");
  }

  bool ok() const { return std::holds_alternative<T>(data_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(data_);
  }
  T& value() & {
    assert(ok());
    return std::get<T>(data_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<T>(data_);
  }
  T&& value() && {
    assert(ok());
    return std::get<T>(std::move(data_));
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> data_;
};

}  // namespace ckyc

// Propagates a non-OK Status from an expression returning Status.
#define CKYC_RETURN_IF_ERROR(expr)               \
  do {                                           \
    ::ckyc::Status ckyc_status_ = (expr);        \
    if (!ckyc_status_.ok()) return ckyc_status_; \
  } while (false)

#define CKYC_CONCAT_INNER_(a, b) a##b
#define CKYC_CONCAT_(a, b) CKYC_CONCAT_INNER_(a, b)
// CKYC_ASSIGN_OR_RETURN(auto x, MakeX()); declares x or returns the error.
#define CKYC_ASSIGN_OR_RETURN(lhs, expr) CKYC_ASSIGN_OR_RETURN_IMPL_(CKYC_CONCAT_(ckyc_result_, __LINE__), lhs, expr)
#define CKYC_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                                \
  if (!tmp.ok()) return tmp.status();               \
  lhs = std::move(tmp).value()

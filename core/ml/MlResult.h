#pragma once
// core/ml has no Qt, so it cannot use fl::Status / fl::Result (QString). These are the same
// idea in std::string: a value, or one line for the user naming the problem. core/ wraps
// them into fl::Status with the file name where it knows one.
#include <optional>
#include <string>
#include <utility>

namespace fl::ml {

// The first line of a message (LibTorch's exceptions carry a multi-line backtrace).
inline std::string firstLine(std::string s)
{
    if (auto nl = s.find('\n'); nl != std::string::npos) s.resize(nl);
    return s;
}

class MlStatus {
public:
    MlStatus() = default;
    static MlStatus success() { return {}; }
    static MlStatus failure(std::string message)
    {
        MlStatus s;
        s.m_error = std::move(message);
        s.m_failed = true;
        return s;
    }
    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const std::string& error() const { return m_error; }

private:
    std::string m_error;
    bool m_failed = false;
};

template <typename T>
class MlResult {
public:
    MlResult(T value) : m_value(std::move(value)) {}
    MlResult(MlStatus failure) : m_error(failure.error()) {}
    static MlResult failure(std::string message) { return MlResult(MlStatus::failure(std::move(message))); }

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const std::string& error() const { return m_error; }
    MlStatus status() const { return ok() ? MlStatus::success() : MlStatus::failure(m_error); }

    T& value() & { return *m_value; }
    const T& value() const& { return *m_value; }
    T&& value() && { return std::move(*m_value); }
    T* operator->() { return &*m_value; }
    const T* operator->() const { return &*m_value; }
    T& operator*() & { return *m_value; }
    const T& operator*() const& { return *m_value; }

private:
    std::optional<T> m_value;
    std::string m_error;
};

} // namespace fl::ml

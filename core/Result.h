#pragma once
// Errors a user can cause (bad file, bad CSV, wrong schema) are values, not asserts.
// Result<T> carries either a value or a message meant for the user (it names the file and
// the problem); Status is the same without a value.
#include <QString>

#include <optional>
#include <utility>

namespace fl {

class Status {
public:
    Status() = default;
    static Status success() { return {}; }
    static Status failure(QString message)
    {
        Status s;
        s.m_error = std::move(message);
        s.m_failed = true;
        return s;
    }

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const QString& error() const { return m_error; }

private:
    QString m_error;
    bool m_failed = false;
};

template <typename T>
class Result {
public:
    Result(T value) : m_value(std::move(value)) {}
    Result(Status failure) : m_error(failure.error()) { Q_ASSERT(!failure.ok()); }
    static Result failure(QString message) { return Result(Status::failure(std::move(message))); }

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const QString& error() const { return m_error; }
    Status status() const { return ok() ? Status::success() : Status::failure(m_error); }

    T& value() &
    {
        Q_ASSERT(ok());
        return *m_value;
    }
    const T& value() const&
    {
        Q_ASSERT(ok());
        return *m_value;
    }
    T&& value() &&
    {
        Q_ASSERT(ok());
        return std::move(*m_value);
    }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

private:
    std::optional<T> m_value;
    QString m_error;
};

} // namespace fl

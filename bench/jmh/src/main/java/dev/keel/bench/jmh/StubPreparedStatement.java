package dev.keel.bench.jmh;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.*;
import java.util.Calendar;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executor;

/**
 * A statement that runs nothing: executeQuery returns null (a one-row answer for WAL-position queries),
 * executeUpdate 1. See {@link StubConnection}.
 */
final class StubPreparedStatement implements PreparedStatement {
    private static final ResultSet POSITIONS = (ResultSet) java.lang.reflect.Proxy.newProxyInstance(
            StubPreparedStatement.class.getClassLoader(), new Class<?>[] {ResultSet.class}, (proxy, method, args) ->
                    switch (method.getName()) {
                        case "next", "getBoolean" -> true;
                        case "wasNull" -> false;
                        case "getLong" -> 1L;
                        default -> null;
                    });
    private final Connection connection;
    /** Kept so the JIT cannot drop setLong as dead code. */
    long parameter;

    StubPreparedStatement(Connection connection) {
        this.connection = connection;
    }

    @Override
    public void addBatch() throws SQLException {
    }

    @Override
    public void addBatch(String p1) throws SQLException {
    }

    @Override
    public void cancel() throws SQLException {
    }

    @Override
    public void clearBatch() throws SQLException {
    }

    @Override
    public void clearParameters() throws SQLException {
    }

    @Override
    public void clearWarnings() throws SQLException {
    }

    @Override
    public void close() throws SQLException {
    }

    @Override
    public void closeOnCompletion() throws SQLException {
    }

    @Override
    public boolean execute() throws SQLException {
        return false;
    }

    @Override
    public boolean execute(String p1, int[] p2) throws SQLException {
        return false;
    }

    @Override
    public boolean execute(String p1, String[] p2) throws SQLException {
        return false;
    }

    @Override
    public boolean execute(String p1, int p2) throws SQLException {
        return false;
    }

    @Override
    public boolean execute(String p1) throws SQLException {
        return false;
    }

    @Override
    public int[] executeBatch() throws SQLException {
        return null;
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        return null;
    }

    @Override
    public ResultSet executeQuery(String p1) throws SQLException {
        // The routing DataSource's poller asks for WAL positions: it gets a standby that replayed 0/1.
        return p1.startsWith("SELECT pg_") ? POSITIONS : null;
    }

    @Override
    public int executeUpdate() throws SQLException {
        return 1;
    }

    @Override
    public int executeUpdate(String p1, int[] p2) throws SQLException {
        return 0;
    }

    @Override
    public int executeUpdate(String p1, String[] p2) throws SQLException {
        return 0;
    }

    @Override
    public int executeUpdate(String p1, int p2) throws SQLException {
        return 0;
    }

    @Override
    public int executeUpdate(String p1) throws SQLException {
        return 1;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return connection;
    }

    @Override
    public int getFetchDirection() throws SQLException {
        return 0;
    }

    @Override
    public int getFetchSize() throws SQLException {
        return 0;
    }

    @Override
    public ResultSet getGeneratedKeys() throws SQLException {
        return null;
    }

    @Override
    public int getMaxFieldSize() throws SQLException {
        return 0;
    }

    @Override
    public int getMaxRows() throws SQLException {
        return 0;
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        return null;
    }

    @Override
    public boolean getMoreResults() throws SQLException {
        return false;
    }

    @Override
    public boolean getMoreResults(int p1) throws SQLException {
        return false;
    }

    @Override
    public ParameterMetaData getParameterMetaData() throws SQLException {
        return null;
    }

    @Override
    public int getQueryTimeout() throws SQLException {
        return 0;
    }

    @Override
    public ResultSet getResultSet() throws SQLException {
        return null;
    }

    @Override
    public int getResultSetConcurrency() throws SQLException {
        return 0;
    }

    @Override
    public int getResultSetHoldability() throws SQLException {
        return 0;
    }

    @Override
    public int getResultSetType() throws SQLException {
        return 0;
    }

    @Override
    public int getUpdateCount() throws SQLException {
        return -1;
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        return null;
    }

    @Override
    public boolean isCloseOnCompletion() throws SQLException {
        return false;
    }

    @Override
    public boolean isClosed() throws SQLException {
        return false;
    }

    @Override
    public boolean isPoolable() throws SQLException {
        return false;
    }

    @Override
    public boolean isWrapperFor(Class<?> p1) throws SQLException {
        return false;
    }

    @Override
    public void setArray(int p1, Array p2) throws SQLException {
    }

    @Override
    public void setAsciiStream(int p1, InputStream p2, int p3) throws SQLException {
    }

    @Override
    public void setAsciiStream(int p1, InputStream p2, long p3) throws SQLException {
    }

    @Override
    public void setAsciiStream(int p1, InputStream p2) throws SQLException {
    }

    @Override
    public void setBigDecimal(int p1, BigDecimal p2) throws SQLException {
    }

    @Override
    public void setBinaryStream(int p1, InputStream p2, int p3) throws SQLException {
    }

    @Override
    public void setBinaryStream(int p1, InputStream p2, long p3) throws SQLException {
    }

    @Override
    public void setBinaryStream(int p1, InputStream p2) throws SQLException {
    }

    @Override
    public void setBlob(int p1, InputStream p2, long p3) throws SQLException {
    }

    @Override
    public void setBlob(int p1, InputStream p2) throws SQLException {
    }

    @Override
    public void setBlob(int p1, Blob p2) throws SQLException {
    }

    @Override
    public void setBoolean(int p1, boolean p2) throws SQLException {
    }

    @Override
    public void setByte(int p1, byte p2) throws SQLException {
    }

    @Override
    public void setBytes(int p1, byte[] p2) throws SQLException {
    }

    @Override
    public void setCharacterStream(int p1, Reader p2, int p3) throws SQLException {
    }

    @Override
    public void setCharacterStream(int p1, Reader p2, long p3) throws SQLException {
    }

    @Override
    public void setCharacterStream(int p1, Reader p2) throws SQLException {
    }

    @Override
    public void setClob(int p1, Reader p2, long p3) throws SQLException {
    }

    @Override
    public void setClob(int p1, Reader p2) throws SQLException {
    }

    @Override
    public void setClob(int p1, Clob p2) throws SQLException {
    }

    @Override
    public void setCursorName(String p1) throws SQLException {
    }

    @Override
    public void setDate(int p1, Date p2, Calendar p3) throws SQLException {
    }

    @Override
    public void setDate(int p1, Date p2) throws SQLException {
    }

    @Override
    public void setDouble(int p1, double p2) throws SQLException {
    }

    @Override
    public void setEscapeProcessing(boolean p1) throws SQLException {
    }

    @Override
    public void setFetchDirection(int p1) throws SQLException {
    }

    @Override
    public void setFetchSize(int p1) throws SQLException {
    }

    @Override
    public void setFloat(int p1, float p2) throws SQLException {
    }

    @Override
    public void setInt(int p1, int p2) throws SQLException {
    }

    @Override
    public void setLong(int p1, long p2) throws SQLException {
        parameter = p2;
    }

    @Override
    public void setMaxFieldSize(int p1) throws SQLException {
    }

    @Override
    public void setMaxRows(int p1) throws SQLException {
    }

    @Override
    public void setNCharacterStream(int p1, Reader p2, long p3) throws SQLException {
    }

    @Override
    public void setNCharacterStream(int p1, Reader p2) throws SQLException {
    }

    @Override
    public void setNClob(int p1, Reader p2, long p3) throws SQLException {
    }

    @Override
    public void setNClob(int p1, Reader p2) throws SQLException {
    }

    @Override
    public void setNClob(int p1, NClob p2) throws SQLException {
    }

    @Override
    public void setNString(int p1, String p2) throws SQLException {
    }

    @Override
    public void setNull(int p1, int p2, String p3) throws SQLException {
    }

    @Override
    public void setNull(int p1, int p2) throws SQLException {
    }

    @Override
    public void setObject(int p1, Object p2, int p3, int p4) throws SQLException {
    }

    @Override
    public void setObject(int p1, Object p2, int p3) throws SQLException {
    }

    @Override
    public void setObject(int p1, Object p2) throws SQLException {
    }

    @Override
    public void setPoolable(boolean p1) throws SQLException {
    }

    @Override
    public void setQueryTimeout(int p1) throws SQLException {
    }

    @Override
    public void setRef(int p1, Ref p2) throws SQLException {
    }

    @Override
    public void setRowId(int p1, RowId p2) throws SQLException {
    }

    @Override
    public void setSQLXML(int p1, SQLXML p2) throws SQLException {
    }

    @Override
    public void setShort(int p1, short p2) throws SQLException {
    }

    @Override
    public void setString(int p1, String p2) throws SQLException {
    }

    @Override
    public void setTime(int p1, Time p2, Calendar p3) throws SQLException {
    }

    @Override
    public void setTime(int p1, Time p2) throws SQLException {
    }

    @Override
    public void setTimestamp(int p1, Timestamp p2, Calendar p3) throws SQLException {
    }

    @Override
    public void setTimestamp(int p1, Timestamp p2) throws SQLException {
    }

    @Override
    public void setURL(int p1, URL p2) throws SQLException {
    }

    @Override
    public void setUnicodeStream(int p1, InputStream p2, int p3) throws SQLException {
    }

    @Override
    public <T> T unwrap(Class<T> p1) throws SQLException {
        return null;
    }
}

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
 * A connection that does nothing and allocates nothing: every statement it hands out is the one
 * {@link StubPreparedStatement}, so whatever a wrapper around it costs per statement is the
 * wrapper's own (JMH's gc profiler then reports the wrapper's allocations alone).
 */
final class StubConnection implements Connection {
    private final StubPreparedStatement statement = new StubPreparedStatement(this);

    @Override
    public void abort(Executor p1) throws SQLException {
    }

    @Override
    public void clearWarnings() throws SQLException {
    }

    @Override
    public void close() throws SQLException {
    }

    @Override
    public void commit() throws SQLException {
    }

    @Override
    public Array createArrayOf(String p1, Object[] p2) throws SQLException {
        return null;
    }

    @Override
    public Blob createBlob() throws SQLException {
        return null;
    }

    @Override
    public Clob createClob() throws SQLException {
        return null;
    }

    @Override
    public NClob createNClob() throws SQLException {
        return null;
    }

    @Override
    public SQLXML createSQLXML() throws SQLException {
        return null;
    }

    @Override
    public Statement createStatement() throws SQLException {
        return statement;
    }

    @Override
    public Statement createStatement(int p1, int p2, int p3) throws SQLException {
        return null;
    }

    @Override
    public Statement createStatement(int p1, int p2) throws SQLException {
        return null;
    }

    @Override
    public Struct createStruct(String p1, Object[] p2) throws SQLException {
        return null;
    }

    @Override
    public boolean getAutoCommit() throws SQLException {
        return true;
    }

    @Override
    public String getCatalog() throws SQLException {
        return null;
    }

    @Override
    public Properties getClientInfo() throws SQLException {
        return null;
    }

    @Override
    public String getClientInfo(String p1) throws SQLException {
        return null;
    }

    @Override
    public int getHoldability() throws SQLException {
        return 0;
    }

    @Override
    public DatabaseMetaData getMetaData() throws SQLException {
        return null;
    }

    @Override
    public int getNetworkTimeout() throws SQLException {
        return 0;
    }

    @Override
    public String getSchema() throws SQLException {
        return null;
    }

    @Override
    public int getTransactionIsolation() throws SQLException {
        return 0;
    }

    @Override
    public Map<String, Class<?>> getTypeMap() throws SQLException {
        return null;
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        return null;
    }

    @Override
    public boolean isClosed() throws SQLException {
        return false;
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        return false;
    }

    @Override
    public boolean isValid(int p1) throws SQLException {
        return false;
    }

    @Override
    public boolean isWrapperFor(Class<?> p1) throws SQLException {
        return false;
    }

    @Override
    public String nativeSQL(String p1) throws SQLException {
        return null;
    }

    @Override
    public CallableStatement prepareCall(String p1, int p2, int p3, int p4) throws SQLException {
        return null;
    }

    @Override
    public CallableStatement prepareCall(String p1, int p2, int p3) throws SQLException {
        return null;
    }

    @Override
    public CallableStatement prepareCall(String p1) throws SQLException {
        return null;
    }

    @Override
    public PreparedStatement prepareStatement(String p1, int[] p2) throws SQLException {
        return null;
    }

    @Override
    public PreparedStatement prepareStatement(String p1, String[] p2) throws SQLException {
        return null;
    }

    @Override
    public PreparedStatement prepareStatement(String p1, int p2, int p3, int p4) throws SQLException {
        return null;
    }

    @Override
    public PreparedStatement prepareStatement(String p1, int p2, int p3) throws SQLException {
        return null;
    }

    @Override
    public PreparedStatement prepareStatement(String p1, int p2) throws SQLException {
        return null;
    }

    @Override
    public PreparedStatement prepareStatement(String p1) throws SQLException {
        return statement;
    }

    @Override
    public void releaseSavepoint(Savepoint p1) throws SQLException {
    }

    @Override
    public void rollback() throws SQLException {
    }

    @Override
    public void rollback(Savepoint p1) throws SQLException {
    }

    @Override
    public void setAutoCommit(boolean p1) throws SQLException {
    }

    @Override
    public void setCatalog(String p1) throws SQLException {
    }

    @Override
    public void setClientInfo(String p1, String p2) throws SQLClientInfoException {
    }

    @Override
    public void setClientInfo(Properties p1) throws SQLClientInfoException {
    }

    @Override
    public void setHoldability(int p1) throws SQLException {
    }

    @Override
    public void setNetworkTimeout(Executor p1, int p2) throws SQLException {
    }

    @Override
    public void setReadOnly(boolean p1) throws SQLException {
    }

    @Override
    public Savepoint setSavepoint() throws SQLException {
        return null;
    }

    @Override
    public Savepoint setSavepoint(String p1) throws SQLException {
        return null;
    }

    @Override
    public void setSchema(String p1) throws SQLException {
    }

    @Override
    public void setTransactionIsolation(int p1) throws SQLException {
    }

    @Override
    public void setTypeMap(Map<String, Class<?>> p1) throws SQLException {
    }

    @Override
    public <T> T unwrap(Class<T> p1) throws SQLException {
        return null;
    }
}

package dev.consolidate.job;

import dev.consolidate.problem.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.explore.support.JobExplorerFactoryBean;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.batch.core.launch.support.TaskExecutorJobLauncher;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.JobRepositoryFactoryBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * Spring Batch's JDBC job repository in an H2 file database inside the run folder: the checkpoint
 * state lives beside the plan, never in the database being consolidated. H2's file lock also keeps
 * a second process out while one holds it.
 */
public final class JobStore implements AutoCloseable {
    private final JdbcDataSource dataSource;
    private final JdbcTransactionManager transactionManager;
    private final JobRepository repository;
    private final JobExplorer explorer;
    private final JobLauncher launcher;

    private JobStore(JdbcDataSource dataSource) throws Exception {
        this.dataSource = dataSource;
        this.transactionManager = new JdbcTransactionManager(dataSource);
        initializeSchema(dataSource);

        JobRepositoryFactoryBean repo = new JobRepositoryFactoryBean();
        repo.setDataSource(dataSource);
        repo.setTransactionManager(transactionManager);
        repo.setDatabaseType("H2");
        repo.afterPropertiesSet();
        this.repository = repo.getObject();

        JobExplorerFactoryBean exp = new JobExplorerFactoryBean();
        exp.setDataSource(dataSource);
        exp.setTransactionManager(transactionManager);
        exp.afterPropertiesSet();
        this.explorer = exp.getObject();

        TaskExecutorJobLauncher l = new TaskExecutorJobLauncher();
        l.setJobRepository(repository);
        l.setTaskExecutor(new SyncTaskExecutor());
        l.afterPropertiesSet();
        this.launcher = l;
    }

    /** Opens (creating on first use) the job repository of a run folder. */
    public static JobStore open(Path runDir) {
        Path state = runDir.resolve("state");
        try {
            Files.createDirectories(state);
            JdbcDataSource ds = new JdbcDataSource();
            // WRITE_DELAY=0: a checkpoint is in the file when its commit returns, so a killed process loses none
            // (H2's default holds commits back for half a second). DB_CLOSE_DELAY=-1: the data source opens a
            // connection per repository call, and H2 would otherwise close, compact and reopen the file each time
            // the last one closes (about 0.3 s per checkpoint); close() shuts it down. MAX_COMPACT_TIME=0: no
            // compaction when it shuts down; H2 2.3's chunk moving there breaks its own invariant on a store that a
            // killed run left behind (an AssertionError where assertions are on), and the store it then leaves can
            // lose later checkpoints. The store is small; compaction buys nothing. No AUTO_SERVER: after a killed
            // run it would make the next open wait for a server that is gone.
            ds.setURL("jdbc:h2:file:" + state.resolve("jobs").toAbsolutePath()
                    + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;DB_CLOSE_DELAY=-1;MAX_COMPACT_TIME=0");
            ds.setUser("sa");
            return new JobStore(ds);
        } catch (Exception e) {
            throw Problem.precondition("Cannot open the checkpoint store in " + state + ".")
                    .why(e.getMessage())
                    .fix("If another consolidate process is running on this run folder, wait for it; otherwise check the "
                            + "folder's permissions and free space.")
                    .state("Nothing was changed.")
                    .cause(e)
                    .build();
        }
    }

    private static void initializeSchema(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection();
             ResultSet rs = c.getMetaData().getTables(null, null, "BATCH_JOB_INSTANCE", null)) {
            if (rs.next()) {
                return;
            }
        }
        new ResourceDatabasePopulator(new ClassPathResource("org/springframework/batch/core/schema-h2.sql")).execute(ds);
    }

    public JobRepository repository() {
        return repository;
    }

    public JobExplorer explorer() {
        return explorer;
    }

    public JobLauncher launcher() {
        return launcher;
    }

    /** Closes the database (writes it out and releases H2's file lock). */
    @Override
    public void close() {
        try (Connection c = dataSource.getConnection()) {
            c.createStatement().execute("SHUTDOWN");
        } catch (SQLException e) {
            // already closed
        }
    }
}

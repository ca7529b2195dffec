import { gql } from '@apollo/client';

/** Operators' job operations, as in the public contract (ops.graphql). */
export const JOBS = gql`
  query Jobs {
    jobs {
      name
      schedule
      enabled
      nextRunAt
      lastRun {
        id
        status
        startedAt
        finishedAt
        processed
        affected
      }
    }
  }
`;

export const RUN_JOB = gql`
  mutation RunJob($input: RunJobInput!) {
    runJob(input: $input) {
      id
      job
      status
      asOf
      startedAt
      finishedAt
      processed
      affected
      error
    }
  }
`;

export const JOB_RUNS = gql`
  query JobRuns($filter: JobRunFilter, $sort: [JobRunSort!], $page: PageInput) {
    jobRuns(filter: $filter, sort: $sort, page: $page) {
      items {
        id
        job
        status
        asOf
        startedAt
        finishedAt
        processed
        affected
        error
        instance
      }
      total
    }
  }
`;

export interface JobRun {
  id: string;
  job: string;
  status: string;
  asOf: string;
  startedAt: string;
  finishedAt: string | null;
  processed: number;
  affected: number;
  error: string | null;
  instance?: string | null;
}

export interface JobInfo {
  name: string;
  schedule: string;
  enabled: boolean;
  nextRunAt: string | null;
  lastRun: JobRun | null;
}

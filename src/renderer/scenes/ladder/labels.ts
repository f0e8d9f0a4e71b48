/** Short rung names for the stage, where a projector needs large type. */
export const SHORT_LABELS: Readonly<Record<string, string>> = {
  'cpu-cycle': 'CPU cycle',
  l1: 'L1 cache',
  'branch-mispredict': 'Branch mispredict',
  l2: 'L2 cache',
  l3: 'L3 cache',
  mutex: 'Mutex lock/unlock',
  ram: 'Main memory',
  'compress-1kb': 'Compress 1 KB',
  'send-1kb': 'Send 1 KB, 1 Gbps',
  'ssd-random-4k': 'SSD random 4 KB',
  'ram-seq-1mb': 'RAM read 1 MB',
  'datacenter-rtt': 'Datacenter round trip',
  'ssd-seq-1mb': 'SSD read 1 MB',
  'disk-seek': 'Disk seek',
  'hdd-seq-1mb': 'Disk read 1 MB',
  'intercontinental-rtt': 'CA → NL → CA packet',
};

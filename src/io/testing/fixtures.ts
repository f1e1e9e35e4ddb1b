// Hand-written import fixtures shared by the format tests and the command-line tests.
import { commentBlock } from './fileWriters';

export const COMMENTS = commentBlock(5 * 1024);
export const L = COMMENTS.split('\n').length - 1;
// nominal, string, date, sparse and ? cells behind a 5 KB comment block, as Weka's example files are
export const SENSOR_ARFF = `${COMMENTS}@relation 'sensor log'
% a comment between the header lines
@attribute 'temp C' numeric
@attribute mode {auto,manual,off}
@attribute note string
@attribute when date "yyyy-MM-dd HH:mm:ss"
@attribute door {yes,no}
@attribute class {normal,fault}
@data
% a comment in the data
21.5,auto,'first run','2024-01-01 00:00:00',yes,normal
?,manual,"second, quoted",'2024-01-02 00:00:00',no,normal
23,?,third,'2024-01-03 12:00:00',yes,fault
{0 24, 1 off, 2 fourth, 3 '2024-01-04 00:00:00', 5 normal}
`;

export const SHOP_CSV = 'id,color,size,flag,const,reading,label\n1,red,1.5,yes,7,0.5,0\n2,blue,2.5,no,7,,0\n3,red,,yes,7,0.7,1\n4,green,3.5,no,7,0.9,0\n';


/** NSL-KDD's shape in miniature: text columns protocol_type/service/flag, label `normal` or an attack name. */
export function nslKddLike(n: number): string {
  const protocols = ['tcp', 'udp', 'icmp'];
  const services = ['http', 'smtp', 'ftp_data', 'private', 'domain_u'];
  const flags = ['SF', 'S0', 'REJ'];
  const attacks = ['neptune', 'smurf', 'satan'];
  const lines = ['duration,protocol_type,service,flag,src_bytes,dst_bytes,count,label'];
  for (let i = 0; i < n; i++) {
    const attack = i % 10 === 9;
    const p = attack ? protocols[2]! : protocols[i % 2]!;
    const s = attack ? services[3]! : services[i % 7 === 3 ? 4 : i % 3]!;
    const f = attack ? flags[1 + (Math.floor(i / 10) % 2)]! : flags[0]!;
    const bytes = attack ? 0 : 200 + ((i * 37) % 300);
    lines.push([i % 4, p, s, f, bytes, attack ? 0 : (i * 53) % 900, attack ? 200 + (i % 50) : 1 + (i % 7), attack ? attacks[i % 3]! : 'normal'].join(','));
  }
  return lines.join('\n') + '\n';
}
